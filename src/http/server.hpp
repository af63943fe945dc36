#pragma once
// The HTTP/1.1 server: Boost.Beast on Boost.Asio with C++20 coroutines. One coroutine per
// connection (keep-alive, read and idle timeouts, a body limit) and one watchdog timer for
// its deadlines; handlers are synchronous and run on worker threads (or on the io threads
// without workers), the router's quick answers on the io threads. Beast stays inside
// server.cpp.

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "http/router.hpp"

namespace spdlog {
class logger;
}

namespace styr::http {

namespace detail {
class ServerCore;
}

struct ServerOptions {
  std::string address = "127.0.0.1";
  unsigned short port = 0;  //!< 0: any free port (see Server::port())
  std::size_t threads = 2;  //!< threads running the io context, run()'s caller included
  //! Threads that run the handlers, which block (the store, argon2 at sign-in): with them a
  //! slow handler never holds up reading, writing and timing out other connections. 0 runs
  //! handlers on the io threads (tests whose one store connection must not be shared).
  std::size_t workers = 0;
  std::size_t body_limit = 10 * 1024 * 1024;  //!< larger request bodies get 413
  //! To receive a whole request once it is awaited (the first on a connection) or has begun
  //! (later ones), and to write a response. A request cut short gets 408; a client that sends
  //! nothing is dropped.
  std::chrono::seconds read_timeout{30};
  std::chrono::seconds idle_timeout{60};  //!< between requests on a keep-alive connection
  //! After stop(), how long requests in flight may take before their connections are closed.
  std::chrono::seconds shutdown_grace{10};
  bool handle_signals = false;  //!< SIGTERM and SIGINT call stop()
};

class Server {
 public:
  //! Binds and listens at once (throws boost::system::system_error, a std::runtime_error,
  //! when it cannot);
  //! connections are served once run() is called. `access_log` gets one JSON object per
  //! request (time, request_id, remote, method, path without query, status, bytes,
  //! duration_ms) at info level: give it the pattern "%v" for JSON lines; null for none.
  //! `log` gets errors (with exception texts) and lifecycle events; null for spdlog's default.
  Server(ServerOptions options, Router router, std::shared_ptr<spdlog::logger> access_log,
         std::shared_ptr<spdlog::logger> log = nullptr);
  //! Call only once run() has returned, or if it was never called.
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  //! The bound port (the one chosen when the options said 0).
  [[nodiscard]] unsigned short port() const;

  //! Serves until stopped, on `threads` threads (this one included); returns once every
  //! connection is closed. Call once.
  void run();

  //! Thread-safe, also from a handler, before or during run(): stops accepting, closes idle
  //! connections, lets requests in flight finish (their responses say Connection: close),
  //! and closes what is left after the grace period. run() then returns.
  void stop();

 private:
  std::unique_ptr<detail::ServerCore> core_;
};

}  // namespace styr::http
