// Kept answers served on the io threads (quick_reads.hpp), seen from a client: its own changes
// and its sign-out count at once, another process's changes within the window, and a quick
// answer is the same as the ordinary one (gzip when asked, no body to HEAD).

#include <chrono>
#include <thread>

#include "http/compression.hpp"
#include "http/demo_api.hpp"

namespace styr::http::test {
namespace {

using json = nlohmann::json;
using namespace std::chrono_literals;

constexpr const char* kChain = "/api/v1/units/SEK-LAR/chain";

class QuickReadRoutes : public DemoApi {
 protected:
  //! The status of `code` among what Lärande received, as the chain view tells it.
  std::string statusInChain(const std::string& code) {
    Reply reply = get("sektorschef", kChain);
    EXPECT_EQ(reply.result_int(), 200) << reply.body();
    const json chain = body(reply);
    for (const auto& item : chain["received"]) {
      if (item["code"] == code) return item["status"];
    }
    return "(not in the chain view)";
  }

  //! An item Lärande received and took on, to complete.
  std::string acknowledgedItem() {
    const json chain = body(get("sektorschef", kChain));
    for (const auto& item : chain["received"]) {
      if (item["status"] == "acknowledged") return item["code"];
    }
    ADD_FAILURE() << "Lärande has taken on nothing in the demo";
    return {};
  }

  //! A second server on the same database file, as another `styr serve` process would be.
  struct OtherProcess {
    std::unique_ptr<app::Store> store;
    ApiContext context;
    std::unique_ptr<RunningServer> server;
    std::unique_ptr<TestClient> client;
  };
  std::unique_ptr<OtherProcess> otherProcess() {
    auto other = std::make_unique<OtherProcess>();
    other->store = store::openStore(database_->db());
    other->context.store = [store = other->store.get()]() -> app::Store& { return *store; };
    other->context.clock = &clock_;
    Router router;
    addApiRoutes(router, other->context);
    ServerOptions options;
    options.threads = 1;
    other->server = std::make_unique<RunningServer>(std::move(router), options);
    other->client = std::make_unique<TestClient>(other->server->server().port());
    return other;
  }

  Reply completeThrough(TestClient& client, const std::string& code) {
    const DemoSession& session = DemoTemplate::instance().session("sektorschef");
    Message message = request(bhttp::verb::post, fmt::format("/api/v1/items/{}/complete", code),
                              json{{"closing_note", "Klart."}}.dump());
    message.set(bhttp::field::cookie, session.cookie);
    message.set(kCsrfHeader, session.csrf);
    message.prepare_payload();
    return client.roundTrip(message);
  }
};

TEST_F(QuickReadRoutes, AClientReadsItsOwnChangeAtOnce) {
  const std::string code = acknowledgedItem();
  ASSERT_EQ(statusInChain(code), "acknowledged");
  ASSERT_EQ(statusInChain(code), "acknowledged");  // now known without the store

  Reply completed = post("sektorschef", fmt::format("/api/v1/items/{}/complete", code),
                         {{"closing_note", "Klart."}});
  ASSERT_EQ(completed.result_int(), 200) << completed.body();
  EXPECT_EQ(statusInChain(code), "completed");
  EXPECT_EQ(body(get("sektorschef", "/api/v1/items/" + code))["status"], "completed");
}

TEST_F(QuickReadRoutes, ASignedOutSessionIsRefusedAtOnce) {
  ASSERT_EQ(get("sektorschef", kChain).result_int(), 200);
  ASSERT_EQ(get("sektorschef", kChain).result_int(), 200);
  Reply signed_out = call("sektorschef", bhttp::verb::delete_, "/api/v1/session");
  ASSERT_EQ(signed_out.result_int(), 204) << signed_out.body();
  Reply after = get("sektorschef", kChain);
  EXPECT_EQ(after.result_int(), 401) << after.body();
  EXPECT_EQ(errorCode(after), "unauthenticated");
}

TEST_F(QuickReadRoutes, AnotherProcessesChangeIsSeenWithinTheWindow) {
  const std::string code = acknowledgedItem();
  auto other = otherProcess();

  // A long window: the change made elsewhere is not seen until this process changes
  // something itself (here a refused change, which may as well have written).
  context_.quick = std::make_shared<QuickReads>(std::chrono::minutes(10));
  ASSERT_EQ(statusInChain(code), "acknowledged");
  Reply completed = completeThrough(*other->client, code);
  ASSERT_EQ(completed.result_int(), 200) << completed.body();
  EXPECT_EQ(statusInChain(code), "acknowledged");  // a kept answer, as of the window's start
  Reply refused = post("sektorschef", "/api/v1/items", json::array());
  ASSERT_EQ(refused.result_int(), 400) << refused.body();
  EXPECT_EQ(statusInChain(code), "completed");

  // A short window: seen once it has passed, without anything done here.
  context_.quick = std::make_shared<QuickReads>(200ms);
  const std::string next = acknowledgedItem();
  ASSERT_EQ(statusInChain(next), "acknowledged");
  ASSERT_EQ(completeThrough(*other->client, next).result_int(), 200);
  std::this_thread::sleep_for(300ms);
  EXPECT_EQ(statusInChain(next), "completed");
}

TEST_F(QuickReadRoutes, AQuickAnswerIsTheOrdinaryOneGzippedOrNotAndWithoutABodyToHead) {
  const DemoSession& session = DemoTemplate::instance().session("sektorschef");
  auto ask = [&](bhttp::verb method, bool gzip) {
    Message message = request(method, kChain);
    message.set(bhttp::field::cookie, session.cookie);
    if (gzip) message.set(bhttp::field::accept_encoding, "gzip");
    return client_->roundTrip(message);
  };
  Reply ordinary = ask(bhttp::verb::get, false);
  ASSERT_EQ(ordinary.result_int(), 200) << ordinary.body();
  Reply plain = ask(bhttp::verb::get, false);
  EXPECT_EQ(plain.body(), ordinary.body());
  EXPECT_EQ(plain[bhttp::field::content_encoding], "");
  EXPECT_EQ(plain[bhttp::field::vary], "Accept-Encoding");

  Reply packed = ask(bhttp::verb::get, true);
  ASSERT_EQ(packed.result_int(), 200);
  EXPECT_EQ(packed[bhttp::field::content_encoding], "gzip");
  EXPECT_EQ(packed[bhttp::field::vary], "Accept-Encoding");
  EXPECT_LT(packed.body().size(), ordinary.body().size());
  EXPECT_EQ(gunzip(packed.body()), ordinary.body());
  EXPECT_EQ(gunzip(ask(bhttp::verb::get, true).body()), ordinary.body());

  Message head_request = request(bhttp::verb::head, kChain);
  head_request.set(bhttp::field::cookie, session.cookie);
  ASSERT_FALSE(client_->write(head_request));
  Reply head;
  ASSERT_FALSE(client_->readHeadReply(head));
  EXPECT_EQ(head.result_int(), 200);
  EXPECT_EQ(head[bhttp::field::content_length], std::to_string(ordinary.body().size()));
  EXPECT_TRUE(head.body().empty());
}

}  // namespace
}  // namespace styr::http::test
