#pragma once
// A real server on a free port in a background thread, a small Beast client with timeouts,
// and a log sink the tests can wait on.

#include <gtest/gtest.h>
#include <spdlog/logger.h>
#include <spdlog/sinks/base_sink.h>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "http/server.hpp"

namespace styr::http::test {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using boost::system::error_code;
using namespace std::chrono_literals;

//! How long a test waits for something that should happen at once, before it fails.
inline constexpr std::chrono::seconds kPatience{10};

//! Collects formatted log lines; tests wait for them with a deadline.
class LineSink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  //! The lines once there are at least `count` (or what there is after `timeout`).
  std::vector<std::string> waitFor(std::size_t count,
                                   std::chrono::milliseconds timeout = kPatience) {
    std::unique_lock lock(lines_mutex_);
    changed_.wait_for(lock, timeout, [&] { return lines_.size() >= count; });
    return lines_;
  }
  std::vector<std::string> lines() {
    std::lock_guard lock(lines_mutex_);
    return lines_;
  }

 protected:
  void sink_it_(const spdlog::details::log_msg& message) override {
    spdlog::memory_buf_t formatted;
    formatter_->format(message, formatted);
    std::string line(formatted.data(), formatted.size());
    while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
    {
      std::lock_guard lock(lines_mutex_);
      lines_.push_back(std::move(line));
    }
    changed_.notify_all();
  }
  void flush_() override {}

 private:
  std::mutex lines_mutex_;
  std::condition_variable changed_;
  std::vector<std::string> lines_;
};

inline std::shared_ptr<spdlog::logger> loggerTo(const std::shared_ptr<LineSink>& sink,
                                                const std::string& name) {
  auto logger = std::make_shared<spdlog::logger>(name, sink);
  logger->set_pattern("%v");
  logger->set_level(spdlog::level::trace);
  return logger;
}

//! A server running in a background thread; stopped and joined when destroyed.
class RunningServer {
 public:
  explicit RunningServer(Router router, ServerOptions options = {})
      : access_sink_(std::make_shared<LineSink>()),
        log_sink_(std::make_shared<LineSink>()),
        server_(std::move(options), std::move(router), loggerTo(access_sink_, "access"),
                loggerTo(log_sink_, "server")),
        thread_([this] {
          server_.run();
          {
            std::lock_guard lock(mutex_);
            finished_ = true;
          }
          finished_changed_.notify_all();
        }) {}

  ~RunningServer() {
    server_.stop();
    thread_.join();
  }
  RunningServer(const RunningServer&) = delete;
  RunningServer& operator=(const RunningServer&) = delete;

  [[nodiscard]] unsigned short port() const { return server_.port(); }
  Server& server() { return server_; }
  LineSink& accessLog() { return *access_sink_; }
  LineSink& log() { return *log_sink_; }

  //! True once run() has returned, waiting at most `timeout`.
  bool waitUntilFinished(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    return finished_changed_.wait_for(lock, timeout, [&] { return finished_; });
  }

 private:
  std::shared_ptr<LineSink> access_sink_;
  std::shared_ptr<LineSink> log_sink_;
  Server server_;
  std::mutex mutex_;
  std::condition_variable finished_changed_;
  bool finished_ = false;
  std::thread thread_;
};

using Message = bhttp::request<bhttp::string_body>;
using Reply = bhttp::response<bhttp::string_body>;

inline Message request(bhttp::verb method, std::string target, std::string body = {}) {
  Message message(method, target, 11);
  message.set(bhttp::field::host, "127.0.0.1");
  if (!body.empty()) {
    message.set(bhttp::field::content_type, "application/json");
    message.body() = std::move(body);
  }
  message.prepare_payload();
  return message;
}

inline Message get(std::string target) {
  return request(bhttp::verb::get, std::move(target));
}

//! One client connection; every operation gives up after a timeout instead of hanging.
class TestClient {
 public:
  TestClient() = default;
  explicit TestClient(unsigned short port) {
    if (auto error = connect(port)) throw std::runtime_error("connect: " + error.message());
  }

  error_code connect(unsigned short port) {
    const asio::ip::tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), port);
    return run(kPatience, [&](auto done) { stream_.async_connect(endpoint, done); });
  }
  error_code write(const Message& message) {
    return run(kPatience, [&](auto done) { bhttp::async_write(stream_, message, done); });
  }
  error_code writeRaw(std::string_view bytes) {
    return run(kPatience,
               [&](auto done) { asio::async_write(stream_, asio::buffer(bytes), done); });
  }
  error_code read(Reply& reply, std::chrono::milliseconds timeout = kPatience) {
    return run(timeout, [&](auto done) { bhttp::async_read(stream_, buffer_, reply, done); });
  }
  error_code writeHeader(bhttp::request_serializer<bhttp::string_body>& serializer) {
    return run(kPatience, [&](auto done) { bhttp::async_write_header(stream_, serializer, done); });
  }
  //! Reads the reply to a HEAD request: its Content-Length announces no body.
  error_code readHeadReply(Reply& reply) {
    bhttp::response_parser<bhttp::string_body> parser;
    parser.skip(true);
    auto error =
        run(kPatience, [&](auto done) { bhttp::async_read(stream_, buffer_, parser, done); });
    if (!error) reply = parser.release();
    return error;
  }
  //! Writes and reads, throwing (a test failure) on any error.
  Reply roundTrip(const Message& message) {
    if (auto error = write(message)) throw std::runtime_error("write: " + error.message());
    Reply reply;
    if (auto error = read(reply)) throw std::runtime_error("read: " + error.message());
    return reply;
  }
  //! Waits at most `timeout` for the server to close the connection; true when it did
  //! (end of stream or reset) and sent nothing more.
  bool closedWithin(std::chrono::milliseconds timeout) {
    char byte = 0;
    auto error =
        run(timeout, [&](auto done) { stream_.async_read_some(asio::buffer(&byte, 1), done); });
    return error == asio::error::eof || error == asio::error::connection_reset;
  }
  void close() {
    error_code ignored;
    stream_.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
    stream_.close();
  }

 private:
  template <typename Start>
  error_code run(std::chrono::milliseconds timeout, Start start) {
    error_code result = asio::error::would_block;
    stream_.expires_after(timeout);
    start([&result](error_code error, auto&&...) { result = error; });
    io_.restart();
    io_.run();
    return result;
  }

  asio::io_context io_;
  beast::tcp_stream stream_{io_};
  beast::flat_buffer buffer_;
};

}  // namespace styr::http::test
