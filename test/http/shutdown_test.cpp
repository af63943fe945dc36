// Graceful shutdown: stop() and signals stop accepting, let requests in flight finish, close
// idle connections, and run() returns once every connection is done (or the grace is over).

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <unistd.h>
#include <csignal>
#include <future>

#include "http/health.hpp"
#include "http_test_support.hpp"

namespace styr::http::test {
namespace {

//! A handler that blocks until the test releases it.
class Gate {
 public:
  Response handle() {
    entered_.set_value();
    // Bounded, so that a failing test cannot hang forever.
    const bool released = release_future_.wait_for(kPatience) == std::future_status::ready;
    return json(200, {{"released", released}, {"payload", std::string(5000, 'p')}});
  }
  bool waitUntilEntered() {
    return entered_future_.wait_for(kPatience) == std::future_status::ready;
  }
  void release() { release_.set_value(); }

 private:
  std::promise<void> entered_;
  std::future<void> entered_future_ = entered_.get_future();
  std::promise<void> release_;
  std::shared_future<void> release_future_ = release_.get_future().share();
};

//! Until the deadline, tries new connections; true once one is refused, or accepted and then
//! closed without an answer. A connection that is still served means the stop is not yet
//! effective, so it tries again.
bool newConnectionsAreTurnedAway(unsigned short port) {
  const auto deadline = std::chrono::steady_clock::now() + kPatience;
  while (std::chrono::steady_clock::now() < deadline) {
    TestClient client;
    if (client.connect(port)) return true;  // refused
    if (client.write(get("/api/v1/health"))) return true;
    Reply reply;
    if (client.read(reply)) return true;  // closed without an answer
    std::this_thread::sleep_for(10ms);
  }
  return false;
}

TEST(Shutdown, FinishesTheRequestInFlightAndRefusesNewConnections) {
  Gate gate;
  Router router;
  addHealthRoute(router);
  router.add("GET", "/slow", [&](const Request&) { return gate.handle(); });
  RunningServer server(std::move(router));

  TestClient in_flight(server.port());
  ASSERT_FALSE(in_flight.write(get("/slow")));
  ASSERT_TRUE(gate.waitUntilEntered());

  server.server().stop();
  EXPECT_TRUE(newConnectionsAreTurnedAway(server.port()));
  EXPECT_FALSE(server.waitUntilFinished(0ms));  // the request is still in flight

  gate.release();
  Reply reply;
  ASSERT_FALSE(in_flight.read(reply));
  EXPECT_EQ(reply.result_int(), 200u);
  const auto body = nlohmann::json::parse(reply.body());
  EXPECT_EQ(body["released"], true);
  EXPECT_EQ(body["payload"], std::string(5000, 'p'));
  EXPECT_FALSE(reply.keep_alive());  // Connection: close
  EXPECT_TRUE(in_flight.closedWithin(kPatience));
  EXPECT_TRUE(server.waitUntilFinished(kPatience));
}

TEST(Shutdown, ClosesIdleKeepAliveConnectionsAtOnce) {
  RunningServer server([] {
    Router router;
    addHealthRoute(router);
    return router;
  }());  // idle timeout 60 s: only the stop can close the connection in time
  TestClient idle(server.port());
  EXPECT_EQ(idle.roundTrip(get("/api/v1/health")).result_int(), 200u);

  const auto start = std::chrono::steady_clock::now();
  server.server().stop();
  EXPECT_TRUE(idle.closedWithin(kPatience));
  EXPECT_TRUE(server.waitUntilFinished(kPatience));
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
}

TEST(Shutdown, ClosesWhatIsLeftAfterTheGracePeriod) {
  ServerOptions options;
  options.shutdown_grace = 1s;  // the read timeout (30 s) would otherwise keep it open
  RunningServer server(Router{}, options);
  TestClient stalled(server.port());
  // A request whose body never comes. The interim 100 proves the server is reading it.
  auto message = request(bhttp::verb::post, "/api/v1/anything", "{}");
  message.set(bhttp::field::expect, "100-continue");
  bhttp::request_serializer<bhttp::string_body> serializer(message);
  ASSERT_FALSE(stalled.writeHeader(serializer));
  Reply interim;
  ASSERT_FALSE(stalled.read(interim));
  ASSERT_EQ(interim.result_int(), 100u);

  const auto start = std::chrono::steady_clock::now();
  server.server().stop();
  EXPECT_TRUE(server.waitUntilFinished(kPatience));
  const auto waited = std::chrono::steady_clock::now() - start;
  EXPECT_GE(waited, 900ms);
  EXPECT_LT(waited, 5s);
  EXPECT_TRUE(stalled.closedWithin(kPatience));
}

TEST(Shutdown, RunReturnsAtOnceWhenStoppedBeforeItStarts) {
  Server server(ServerOptions{}, Router{}, nullptr, loggerTo(std::make_shared<LineSink>(), "s"));
  server.stop();
  auto run = std::async(std::launch::async, [&] { server.run(); });
  EXPECT_EQ(run.wait_for(kPatience), std::future_status::ready);
}

TEST(Shutdown, SigtermStopsTheServer) {
  ServerOptions options;
  options.handle_signals = true;  // registered when the server is made, before the signal
  RunningServer server(Router{}, options);
  ASSERT_EQ(::kill(::getpid(), SIGTERM), 0);
  EXPECT_TRUE(server.waitUntilFinished(kPatience));
  EXPECT_THAT(server.log().lines(), ::testing::Contains(::testing::HasSubstr("signal 15")));
}

}  // namespace
}  // namespace styr::http::test
