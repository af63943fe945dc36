// The API over PostgreSQL: the same server and routes as over SQLite (test/http/demo_api.hpp),
// here once end to end, since the store contract suite already holds the backends equal.

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/sessions.hpp"
#include "demo/demo_setup.hpp"
#include "http/api.hpp"
#include "http/demo_api.hpp"
#include "store/open_store.hpp"
#include "support/test_databases.hpp"

namespace styr::http::test {
namespace {

using nlohmann::json;

TEST(PostgresApi, AnAssignmentIsIssuedTakenOnAndShownInTheSectorsChainView) {
  if (!styr::test::postgresConfigured()) GTEST_SKIP() << "no PostgreSQL server configured";
  styr::test::TestDatabase database(styr::test::BackendKind::postgres, "api");
  app::FixedClock clock(demoNoon());
  auto store = store::openStore(database.db());
  ASSERT_FALSE(demo::ensureDemo(*store, clock, "test").has_value());
  auto kd = app::signIn(*store, clock, "1441", "kd", std::string(demo::kDemoPassword));
  auto head = app::signIn(*store, clock, "1441", "sektorschef", std::string(demo::kDemoPassword));
  ASSERT_TRUE(kd && head);

  ApiContext context;
  context.store = [&store]() -> app::Store& { return *store; };
  context.clock = &clock;
  Router router;
  addApiRoutes(router, context);
  ServerOptions options;
  options.threads = 1;  // one store connection, not shared between threads
  RunningServer server(std::move(router), options);
  TestClient client(server.server().port());
  auto as = [&](const app::SignedIn& who, bhttp::verb method, const std::string& target,
                const json& body) {
    Message message = request(method, target, body.is_null() ? std::string() : body.dump());
    message.set(bhttp::field::cookie, std::string(kSessionCookie) + "=" + who.secret);
    message.set(kCsrfHeader, who.session.csrf_token);
    message.prepare_payload();
    return client.roundTrip(message);
  };

  Reply created =
      as(kd.value(), bhttp::verb::post, "/api/v1/items",
         {{"kind", "assignment"},
          {"issuer", "KD"},
          {"recipient_unit", "SEK-LAR"},
          {"origin", "VP25-U01"},
          {"title", "Samordna skolskjutsarna"},
          {"follow_up", {{"deliverable", "Ny plan"}, {"deliverable_due", "2026-05-31"}}}});
  ASSERT_EQ(created.result_int(), 201u) << created.body();
  std::string code = json::parse(created.body())["code"];
  ASSERT_EQ(
      as(kd.value(), bhttp::verb::post, "/api/v1/items/" + code + "/issue", nullptr).result_int(),
      200u);
  Reply acknowledged = as(head.value(), bhttp::verb::post, "/api/v1/items/" + code + "/acknowledge",
                          {{"plan", "Gemensam upphandling med grannkommunerna."}});
  ASSERT_EQ(acknowledged.result_int(), 200u) << acknowledged.body();

  Reply chain = as(head.value(), bhttp::verb::get, "/api/v1/units/SEK-LAR/chain", nullptr);
  ASSERT_EQ(chain.result_int(), 200u);
  json view = json::parse(chain.body());
  bool found = false;
  for (const auto& item : view["received"]) {
    if (item["code"] == code) {
      found = true;
      EXPECT_EQ(item["status"], "acknowledged");
    }
  }
  EXPECT_TRUE(found) << code << " is not among what Lärande received";
  EXPECT_EQ(store->auditEntriesOf("1441", "item", code).size(), 3U);
}

}  // namespace
}  // namespace styr::http::test
