#include "http/server.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

#include <array>
#include <atomic>
#include <cmath>
#include <csignal>
#include <ctime>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include "http/compression.hpp"
#include "http/error_response.hpp"
#include "http/request_id.hpp"

namespace styr::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using boost::system::error_code;
using tcp = asio::ip::tcp;
using SteadyClock = std::chrono::steady_clock;
using SystemClock = std::chrono::system_clock;

namespace {

//! Completion token for operations whose errors are values, not exceptions.
constexpr auto kNoThrow = asio::as_tuple(asio::use_awaitable);

constexpr std::size_t kHeaderLimit = 16 * 1024;
//! Connections taken at once from those waiting to be accepted.
constexpr std::size_t kAcceptedAtOnce = 1024;
//! After an error response to a request that was not read to its end, how long the rest is
//! read and thrown away before closing, so that the client is not reset before it has read
//! the response.
constexpr std::chrono::seconds kLingerTime{2};

std::tm utc(SystemClock::time_point time) {
  const std::time_t seconds = SystemClock::to_time_t(time);
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  return parts;
}

//! RFC 9110 IMF-fixdate, independent of the locale: "Sun, 06 Nov 1994 08:49:37 GMT".
std::string httpDate(SystemClock::time_point time) {
  static constexpr std::array<const char*, 7> kDays = {"Sun", "Mon", "Tue", "Wed",
                                                       "Thu", "Fri", "Sat"};
  static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const auto parts = utc(time);
  return fmt::format("{}, {:02} {} {:04} {:02}:{:02}:{:02} GMT",
                     kDays[static_cast<std::size_t>(parts.tm_wday) % 7], parts.tm_mday,
                     kMonths[static_cast<std::size_t>(parts.tm_mon) % 12], parts.tm_year + 1900,
                     parts.tm_hour, parts.tm_min, parts.tm_sec);
}

//! ISO 8601 in UTC with milliseconds: "2026-11-27T10:15:30.123Z".
std::string isoTime(SystemClock::time_point time) {
  const auto parts = utc(time);
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count() % 1000;
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", parts.tm_year + 1900,
                     parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec,
                     millis);
}

std::string_view pathOf(std::string_view target) {
  return target.substr(0, target.find('?'));
}

//! A header a handler may set: no line breaks, and none of those the server manages.
bool safeHeader(std::string_view name, std::string_view value) {
  for (std::string_view managed : {"Content-Length", "Transfer-Encoding", "Connection"}) {
    if (equalsIgnoringCase(name, managed)) return false;
  }
  return !name.empty() && name.find_first_of(": \t\r\n") == std::string_view::npos &&
         value.find_first_of("\r\n") == std::string_view::npos;
}

std::string dumpJson(const nlohmann::ordered_json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

namespace detail {

class Connection;

//! The state shared by the acceptor, the connections and Server's methods.
class ServerCore {
 public:
  ServerCore(ServerOptions options, Router router, std::shared_ptr<spdlog::logger> access_log,
             std::shared_ptr<spdlog::logger> log);
  ~ServerCore();

  void run();
  void stop() {
    asio::post(control_, [this] { beginShutdown(); });
  }
  [[nodiscard]] unsigned short port() const { return port_; }

  const ServerOptions& options() const { return options_; }
  const Router& router() const { return router_; }
  //! Null when handlers run on the io threads.
  asio::thread_pool* workers() const { return workers_.get(); }
  spdlog::logger* accessLog() const { return access_log_.get(); }
  spdlog::logger& log() const { return *log_; }
  //! Readable anywhere: a connection busy in a handler learns of the stop before its
  //! notification (queued behind the handler on its strand) arrives.
  [[nodiscard]] bool stopping() const { return stopping_flag_.load(std::memory_order_acquire); }

  //! Called by each connection as it ends.
  void connectionEnded(Connection* connection);

 private:
  asio::awaitable<void> acceptLoop();
  void startConnection(tcp::socket socket);
  void beginShutdown();
  void closeRemainingConnections();
  void runIo();

  ServerOptions options_;
  Router router_;
  std::shared_ptr<spdlog::logger> access_log_;
  std::shared_ptr<spdlog::logger> log_;

  std::mutex mutex_;  // guards the three below
  std::unordered_map<Connection*, std::weak_ptr<Connection>> connections_;
  bool stopping_ = false;
  bool destroying_ = false;
  std::atomic<bool> stopping_flag_{false};

  // Declared after the registry: destroying the io context destroys the connections still
  // in it, and they unregister themselves.
  asio::io_context io_;
  asio::strand<asio::io_context::executor_type> control_;  // acceptor, signals, grace timer
  tcp::acceptor acceptor_;
  asio::steady_timer grace_timer_;
  std::optional<asio::signal_set> signals_;
  unsigned short port_ = 0;
  // Declared after the io context: joined and destroyed first, so no handler still runs
  // when the connections' coroutine frames go.
  std::unique_ptr<asio::thread_pool> workers_;
};

//! One client connection: a coroutine on its own strand, serving requests one after another.
class Connection {
 public:
  Connection(ServerCore& core, tcp::socket socket)
      : core_(core), socket_(std::move(socket)), watchdog_(socket_.get_executor()) {
    error_code ignored;
    const auto endpoint = socket_.remote_endpoint(ignored);
    if (!ignored) remote_ = endpoint.address().to_string();
    socket_.set_option(tcp::no_delay(true), ignored);
  }
  ~Connection() { core_.connectionEnded(this); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  [[nodiscard]] asio::any_io_executor executor() { return socket_.get_executor(); }

  //! Before serve() starts: the server was stopping when the connection was accepted.
  void markStopping() { stopping_ = true; }
  [[nodiscard]] bool stopping() const { return stopping_ || core_.stopping(); }

  static asio::awaitable<void> serve(std::shared_ptr<Connection> self) {
    asio::co_spawn(self->executor(), watch(self), asio::detached);
    try {
      co_await self->serveRequests();
    } catch (const std::exception& error) {
      self->core_.log().error("connection from {} failed: {}", self->remote_, error.what());
    }
    self->close();
  }

  // The two below run on the connection's strand.

  //! Closes an idle connection at once; a busy one closes after its response.
  void onServerStopping() {
    stopping_ = true;
    error_code ignored;
    if (idle_) socket_.cancel(ignored);
  }
  //! Whatever the connection is waiting for fails, and it ends (a handler running on a worker
  //! finishes first).
  void forceClose() {
    error_code ignored;
    socket_.close(ignored);
  }

 private:
  enum class After { keep_open, close, close_lingering };

  //! What the access log and the response need to know of the request.
  struct Exchange {
    std::string request_id;
    std::string method;
    std::string path;
    unsigned version = 11;
    bool head = false;
    bool accepts_gzip = false;
    SteadyClock::time_point started = SteadyClock::now();
    SystemClock::time_point started_wall = SystemClock::now();
  };

  asio::awaitable<void> serveRequests();
  asio::awaitable<After> exchange(beast::flat_buffer& buffer);
  asio::awaitable<bool> respond(Exchange& exchange, Response response, bool keep_alive);
  Response callHandler(Request& request);
  //! callHandler on a worker when there are workers, resuming on this connection's strand.
  asio::awaitable<Response> handle(Request& request);
  asio::awaitable<void> lingeringClose();
  void logAccess(const Exchange& exchange, int status, std::size_t bytes);
  void close() {
    error_code ignored;
    socket_.shutdown(tcp::socket::shutdown_send, ignored);
    socket_.close(ignored);
    closed_ = true;
    watchdog_.cancel();
  }

  // Timeouts. Every wait, read and write has a deadline, kept as a time: setting one is no
  // timer operation. One watchdog per connection sleeps until the earliest deadline could
  // have passed and, when it has, cancels what the socket is doing. Racing each operation
  // against a timer of its own cost two asynchronous operations, a cancellation and the
  // timer queue's lock per step, a large share of a kept answer's cost.

  //! The next operations must be done within `within` of now.
  void setDeadline(SteadyClock::duration within) {
    timed_out_ = false;
    deadline_ = SteadyClock::now() + within;
    // The watchdog sleeps until the time it was armed for: wake it to re-arm earlier.
    if (deadline_ < armed_) watchdog_.cancel();
  }
  //! No deadline (a handler runs: it is not timed out).
  void clearDeadline() { deadline_ = SteadyClock::time_point::max(); }
  //! True when the watchdog cancelled the last operation (it completed with an error then).
  [[nodiscard]] bool timedOut() const { return timed_out_; }

  static asio::awaitable<void> watch(std::shared_ptr<Connection> self) {
    Connection& connection = *self;
    while (!connection.closed_) {
      if (connection.deadline_ <= SteadyClock::now()) {
        connection.deadline_ = SteadyClock::time_point::max();
        connection.timed_out_ = true;
        error_code ignored;
        connection.socket_.cancel(ignored);
      }
      connection.armed_ = connection.deadline_;
      connection.watchdog_.expires_at(connection.armed_);
      // Wakes at the time armed, when re-armed earlier, or when the connection closes.
      co_await connection.watchdog_.async_wait(kNoThrow);
    }
  }

  ServerCore& core_;
  tcp::socket socket_;
  asio::steady_timer watchdog_;
  SteadyClock::time_point deadline_ = SteadyClock::time_point::max();
  SteadyClock::time_point armed_ = SteadyClock::time_point::max();  //!< the watchdog's wake-up
  bool timed_out_ = false;
  bool closed_ = false;
  std::string remote_;
  bool stopping_ = false;
  bool idle_ = false;  //!< waiting for a request to begin
};

asio::awaitable<void> Connection::serveRequests() {
  const auto& options = core_.options();
  beast::flat_buffer buffer;
  bool first = true;
  while (!stopping()) {
    if (buffer.size() == 0) {
      // Wait for the next request to begin without reading it: the first within the read
      // timeout, later ones within the idle timeout.
      idle_ = true;
      setDeadline(first ? options.read_timeout : options.idle_timeout);
      auto [waited] = co_await socket_.async_wait(tcp::socket::wait_read, kNoThrow);
      idle_ = false;
      if (waited || timedOut()) co_return;  // gone, idle or stopping
    }
    first = false;
    const After after = co_await exchange(buffer);
    if (after == After::close_lingering) co_await lingeringClose();
    if (after != After::keep_open) co_return;
  }
}

asio::awaitable<Connection::After> Connection::exchange(beast::flat_buffer& buffer) {
  const auto& options = core_.options();
  Exchange exchange;
  bhttp::request_parser<bhttp::string_body> parser;
  parser.body_limit(options.body_limit);
  parser.header_limit(kHeaderLimit);

  // One deadline for the whole request, header and body.
  setDeadline(options.read_timeout);
  auto [error, header_bytes] = co_await bhttp::async_read_header(socket_, buffer, parser, kNoThrow);
  if (!error && !timedOut()) {
    const auto& header = parser.get();
    auto expect = header[bhttp::field::expect];
    if (header.version() >= 11 && equalsIgnoringCase(expect, "100-continue") && !parser.is_done()) {
      static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      auto [written, bytes] =
          co_await asio::async_write(socket_, asio::buffer(kContinue), kNoThrow);
      error = written;
    }
  }
  if (!error && !timedOut()) {
    auto [read, body_bytes] = co_await bhttp::async_read(socket_, buffer, parser, kNoThrow);
    error = read;
  }
  const bool timed_out = timedOut();
  clearDeadline();

  // What is known of the request, even one that failed (the request line and fields are
  // parsed into the message as they arrive).
  const auto& message = parser.get();
  exchange.method = std::string(message.method_string());
  exchange.path = std::string(pathOf(message.target()));
  exchange.version = message.version() == 10 ? 10 : 11;
  exchange.head = message.method() == bhttp::verb::head;
  exchange.accepts_gzip = acceptsGzip(message[bhttp::field::accept_encoding]);
  exchange.request_id = requestIdFor(message["X-Request-Id"]);

  if (timed_out) {
    if (!parser.got_some()) co_return After::close;
    co_await respond(
        exchange,
        errorResponse(408, protocol_error::request_timeout, "The request did not arrive in time."),
        false);
    co_return After::close;
  }
  if (error) {
    if (error == bhttp::error::body_limit) {
      co_await respond(exchange,
                       errorResponse(413, protocol_error::body_too_large,
                                     fmt::format("The request body is larger than {} bytes.",
                                                 options.body_limit)),
                       false);
      co_return After::close_lingering;
    }
    if (error == bhttp::error::header_limit) {
      co_await respond(exchange,
                       errorResponse(431, protocol_error::headers_too_large,
                                     "The request's header fields are too large."),
                       false);
      co_return After::close_lingering;
    }
    const bool malformed = error.category() == bhttp::make_error_code(bhttp::error{}).category() &&
                           error != bhttp::error::end_of_stream &&
                           error != bhttp::error::partial_message;
    if (!malformed) co_return After::close;  // the client went away
    exchange.version = 11;
    co_await respond(exchange,
                     errorResponse(400, protocol_error::malformed_request,
                                   "The request is not well-formed HTTP/1.1."),
                     false);
    co_return After::close_lingering;
  }

  auto message_read = parser.release();
  Request request;
  request.method = exchange.method;
  if (message_read.version() >= 11 && message_read.count(bhttp::field::host) == 0) {
    const bool keep = co_await respond(
        exchange,
        errorResponse(400, protocol_error::malformed_request, "An HTTP/1.1 request needs a Host."),
        message_read.keep_alive() && !stopping());
    co_return keep ? After::keep_open : After::close;
  }
  if (!parseTarget(message_read.target(), request)) {
    const bool keep = co_await respond(
        exchange,
        errorResponse(400, protocol_error::malformed_request,
                      "The request target is not a path, or its percent-encoding is broken."),
        message_read.keep_alive() && !stopping());
    co_return keep ? After::keep_open : After::close;
  }
  for (const auto& field : message_read) request.headers.add(field.name_string(), field.value());
  request.body = std::move(message_read.body());
  request.remote_address = remote_;
  request.request_id = exchange.request_id;

  // A kept answer that is known without the store is given here on the io thread: the hop to
  // a worker and back would cost more than the answer (Router::setQuick).
  // (Not a conditional expression around co_await: GCC 12 frees its temporaries too early.)
  std::optional<Response> quick = core_.router().quick(request);
  Response response;
  if (quick) {
    response = std::move(*quick);
  } else {
    response = co_await handle(request);
  }
  const bool keep =
      co_await respond(exchange, std::move(response), message_read.keep_alive() && !stopping());
  co_return keep ? After::keep_open : After::close;
}

asio::awaitable<Response> Connection::handle(Request& request) {
  if (asio::thread_pool* workers = core_.workers()) {
    co_return co_await asio::co_spawn(
        workers->get_executor(),
        [this, &request]() -> asio::awaitable<Response> { co_return callHandler(request); },
        asio::use_awaitable);
  }
  co_return callHandler(request);
}

Response Connection::callHandler(Request& request) {
  auto failed = [&](std::string_view what) {
    core_.log().error("request {} ({} {}) failed: {}", request.request_id, request.method,
                      request.path, what);
    return internalError();
  };
  try {
    Response response = core_.router().handle(request);
    if (response.status < 200 || response.status > 599) {
      return failed(fmt::format("the handler returned status {}", response.status));
    }
    return response;
  } catch (const std::exception& error) {
    return failed(error.what());
  } catch (...) {
    return failed("an exception that is not a std::exception");
  }
}

asio::awaitable<bool> Connection::respond(Exchange& exchange, Response response, bool keep_alive) {
  // The body is sent from where it is: a kept answer or a file held in memory is not copied.
  bhttp::response<bhttp::span_body<const char>> message;
  message.version(exchange.version);
  message.result(static_cast<unsigned>(response.status));
  for (const auto& [name, value] : response.headers) {
    if (safeHeader(name, value)) {
      message.insert(name, value);
    } else {
      core_.log().error("request {}: the handler's header {} was dropped", exchange.request_id,
                        name);
    }
  }
  if (!response.content_type.empty() && message.count(bhttp::field::content_type) == 0) {
    message.set(bhttp::field::content_type, response.content_type);
  }
  message.set("X-Request-Id", exchange.request_id);
  message.set(bhttp::field::date, httpDate(SystemClock::now()));

  std::string_view body = response.bodyView();
  std::string compressed;
  if (response.status == 204 || response.status == 304) body = {};
  if (body.size() > kCompressionThreshold && message.count(bhttp::field::content_encoding) == 0) {
    // The representation depends on Accept-Encoding whether or not this one is compressed.
    auto vary = message[bhttp::field::vary];
    if (vary.empty()) {
      message.set(bhttp::field::vary, "Accept-Encoding");
    } else if (vary.find("Accept-Encoding") == std::string_view::npos) {
      message.set(bhttp::field::vary, std::string(vary) + ", Accept-Encoding");
    }
    if (exchange.accepts_gzip) {
      compressed = gzip(body);
      body = compressed;
      message.set(bhttp::field::content_encoding, "gzip");
    }
  }
  const std::size_t bytes = exchange.head ? 0 : body.size();
  message.body() = {body.data(), body.size()};
  message.keep_alive(keep_alive);
  message.prepare_payload();

  setDeadline(core_.options().read_timeout);
  error_code error;
  if (exchange.head) {
    bhttp::response_serializer<bhttp::span_body<const char>> serializer(message);
    auto [written, written_bytes] =
        co_await bhttp::async_write_header(socket_, serializer, kNoThrow);
    error = written;
  } else {
    auto [written, written_bytes] = co_await bhttp::async_write(socket_, message, kNoThrow);
    error = written;
  }
  const bool timed_out = timedOut();
  clearDeadline();
  logAccess(exchange, response.status, bytes);
  co_return keep_alive && !error && !timed_out;
}

asio::awaitable<void> Connection::lingeringClose() {
  error_code ignored;
  socket_.shutdown(tcp::socket::shutdown_send, ignored);
  setDeadline(std::min<SteadyClock::duration>(core_.options().read_timeout, kLingerTime));
  std::array<char, 8192> discard{};
  while (true) {
    auto [read, bytes] = co_await socket_.async_read_some(asio::buffer(discard), kNoThrow);
    if (read || timedOut()) break;
  }
  clearDeadline();
  socket_.close(ignored);
}

void Connection::logAccess(const Exchange& exchange, int status, std::size_t bytes) {
  auto* access_log = core_.accessLog();
  if (access_log == nullptr) return;
  const auto micros =
      std::chrono::duration_cast<std::chrono::microseconds>(SteadyClock::now() - exchange.started)
          .count();
  access_log->info("{}", dumpJson({{"time", isoTime(exchange.started_wall)},
                                   {"request_id", exchange.request_id},
                                   {"remote", remote_},
                                   {"method", exchange.method},
                                   {"path", exchange.path},
                                   {"status", status},
                                   {"bytes", bytes},
                                   {"duration_ms", static_cast<double>(micros) / 1000.0}}));
}

ServerCore::ServerCore(ServerOptions options, Router router,
                       std::shared_ptr<spdlog::logger> access_log,
                       std::shared_ptr<spdlog::logger> log)
    : options_(std::move(options)),
      router_(std::move(router)),
      access_log_(std::move(access_log)),
      log_(log ? std::move(log) : spdlog::default_logger()),
      io_(static_cast<int>(std::max<std::size_t>(options_.threads, 1))),
      control_(asio::make_strand(io_)),
      acceptor_(control_),
      grace_timer_(control_) {
  const tcp::endpoint endpoint(asio::ip::make_address(options_.address), options_.port);
  acceptor_.open(endpoint.protocol());
  acceptor_.set_option(tcp::acceptor::reuse_address(true));
  acceptor_.bind(endpoint);
  acceptor_.listen(asio::socket_base::max_listen_connections);
  acceptor_.non_blocking(true);  // accept() takes what waits, and never blocks the strand
  port_ = acceptor_.local_endpoint().port();
  if (options_.workers > 0) workers_ = std::make_unique<asio::thread_pool>(options_.workers);

  if (options_.handle_signals) {
    signals_.emplace(control_, SIGINT, SIGTERM);
    signals_->async_wait([this](const error_code& error, int signal) {
      if (error) return;
      log_->info("received signal {}, stopping", signal);
      beginShutdown();
    });
  }
  asio::co_spawn(control_, acceptLoop(), [this](const std::exception_ptr& failure) {
    if (!failure) return;
    try {
      std::rethrow_exception(failure);
    } catch (const std::exception& error) {
      log_->error("the acceptor failed: {}", error.what());
    }
  });
}

ServerCore::~ServerCore() {
  {
    std::lock_guard lock(mutex_);
    destroying_ = true;
  }
  if (workers_) workers_->join();
}

void ServerCore::run() {
  std::vector<std::thread> threads;
  for (std::size_t i = 1; i < options_.threads; ++i) threads.emplace_back([this] { runIo(); });
  runIo();
  for (auto& thread : threads) thread.join();
  // Connections end only after their handlers have returned, but a connection closed at the
  // end of the grace period may leave its handler running: it finishes before run() returns.
  if (workers_) workers_->join();
}

void ServerCore::runIo() {
  while (true) {
    try {
      io_.run();
      return;
    } catch (const std::exception& error) {
      log_->error("an io handler failed: {}", error.what());
    }
  }
}

asio::awaitable<void> ServerCore::acceptLoop() {
  asio::steady_timer pause(control_);
  while (acceptor_.is_open()) {
    auto [error, socket] =
        co_await acceptor_.async_accept(asio::any_io_executor(asio::make_strand(io_)), kNoThrow);
    {
      std::lock_guard lock(mutex_);
      if (stopping_) co_return;
    }
    if (error == asio::error::operation_aborted || !acceptor_.is_open()) co_return;
    if (error) {
      // Out of descriptors, most likely: say so and give the open connections time to end.
      log_->error("accepting a connection failed: {}", error.message());
      pause.expires_after(std::chrono::milliseconds(100));
      co_await pause.async_wait(kNoThrow);
      continue;
    }
    startConnection(std::move(socket));
    // Then every connection already waiting, not one a turn of the event loop: when a
    // thousand clients connect at once, those accepted last would otherwise wait many turns
    // behind the requests of those accepted first (the acceptor does not block: see the
    // constructor).
    for (std::size_t more = 0; more < kAcceptedAtOnce; ++more) {
      tcp::socket waiting(asio::make_strand(io_));
      error_code none_waiting;
      acceptor_.accept(waiting, none_waiting);
      if (none_waiting) break;
      startConnection(std::move(waiting));
    }
  }
}

void ServerCore::startConnection(tcp::socket socket) {
  auto connection = std::make_shared<Connection>(*this, std::move(socket));
  bool stopping = false;
  {
    std::lock_guard lock(mutex_);
    connections_.emplace(connection.get(), connection);
    stopping = stopping_;
  }
  if (stopping) connection->markStopping();
  auto executor = connection->executor();
  asio::co_spawn(executor, Connection::serve(std::move(connection)),
                 [this](const std::exception_ptr& failure) {
                   if (!failure) return;
                   try {
                     std::rethrow_exception(failure);
                   } catch (const std::exception& error) {
                     log_->error("a connection failed: {}", error.what());
                   }
                 });
}

void ServerCore::connectionEnded(Connection* connection) {
  std::lock_guard lock(mutex_);
  connections_.erase(connection);
  if (stopping_ && connections_.empty() && !destroying_) io_.stop();
}

void ServerCore::beginShutdown() {
  std::vector<std::shared_ptr<Connection>> open;
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    stopping_ = true;
    stopping_flag_.store(true, std::memory_order_release);
    for (const auto& [key, weak] : connections_) {
      if (auto connection = weak.lock()) open.push_back(std::move(connection));
    }
    if (connections_.empty()) io_.stop();
  }
  log_->info("stopping: {} connection(s) open", open.size());
  error_code ignored;
  acceptor_.close(ignored);
  if (signals_) {
    // A second SIGTERM or SIGINT during the grace period ends the process at once.
    signals_->cancel(ignored);
    signals_->clear(ignored);
  }
  for (auto& connection : open) {
    asio::post(connection->executor(), [connection] { connection->onServerStopping(); });
  }
  grace_timer_.expires_after(options_.shutdown_grace);
  grace_timer_.async_wait([this](const error_code& error) {
    if (!error) closeRemainingConnections();
  });
}

void ServerCore::closeRemainingConnections() {
  std::vector<std::shared_ptr<Connection>> open;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [key, weak] : connections_) {
      if (auto connection = weak.lock()) open.push_back(std::move(connection));
    }
  }
  log_->warn("grace period over: closing {} connection(s)", open.size());
  for (auto& connection : open) {
    asio::post(connection->executor(), [connection] { connection->forceClose(); });
  }
}

}  // namespace detail

Server::Server(ServerOptions options, Router router, std::shared_ptr<spdlog::logger> access_log,
               std::shared_ptr<spdlog::logger> log)
    : core_(std::make_unique<detail::ServerCore>(std::move(options), std::move(router),
                                                 std::move(access_log), std::move(log))) {}

Server::~Server() = default;

unsigned short Server::port() const {
  return core_->port();
}

void Server::run() {
  core_->run();
}

void Server::stop() {
  core_->stop();
}

}  // namespace styr::http
