// The server end to end: a real Server on 127.0.0.1, a port the system chose, and a client.

#include "http/server.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <atomic>
#include <future>
#include <set>

#include "http/compression.hpp"
#include "http/error_response.hpp"
#include "http/health.hpp"
#include "http_test_support.hpp"

namespace styr::http::test {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::SizeIs;

nlohmann::json bodyOf(const Reply& reply) {
  return nlohmann::json::parse(reply.body());
}

std::string headerOf(const Reply& reply, std::string_view name) {
  return std::string(reply[name]);
}

Router healthRouter() {
  Router router;
  addHealthRoute(router);
  return router;
}

void expectErrorShape(const Reply& reply, int status, std::string_view code) {
  EXPECT_EQ(reply.result_int(), static_cast<unsigned>(status));
  EXPECT_EQ(headerOf(reply, "Content-Type"), "application/json");
  const auto body = bodyOf(reply);
  ASSERT_TRUE(body.contains("error")) << reply.body();
  EXPECT_EQ(body["error"]["code"], code);
  EXPECT_TRUE(body["error"]["message"].is_string());
  EXPECT_FALSE(body["error"]["message"].get<std::string>().empty());
  EXPECT_TRUE(body["error"]["field"].is_null());
  EXPECT_EQ(body["error"]["details"], nlohmann::json::array());
}

TEST(Server, HealthIsOk) {
  RunningServer server(healthRouter());
  TestClient client(server.port());
  const auto reply = client.roundTrip(get("/api/v1/health"));
  EXPECT_EQ(reply.result_int(), 200u);
  EXPECT_EQ(headerOf(reply, "Content-Type"), "application/json");
  EXPECT_EQ(reply.body(), R"({"status":"ok"})");
  EXPECT_FALSE(headerOf(reply, "Date").empty());
}

TEST(Server, UnknownPathIs404Json) {
  RunningServer server(healthRouter());
  TestClient client(server.port());
  expectErrorShape(client.roundTrip(get("/api/v1/nothing-here")), 404, "not_found");
}

TEST(Server, KnownPathWithAnotherMethodIs405WithAllow) {
  Router router;
  router.add("GET", "/api/v1/items/{code}", [](const Request&) { return json(200, {}); });
  router.add("PUT", "/api/v1/items/{code}", [](const Request&) { return json(200, {}); });
  RunningServer server(std::move(router));
  TestClient client(server.port());
  const auto reply = client.roundTrip(request(bhttp::verb::delete_, "/api/v1/items/KS-U03"));
  expectErrorShape(reply, 405, "method_not_allowed");
  EXPECT_EQ(headerOf(reply, "Allow"), "GET, HEAD, PUT");
}

TEST(Server, PassesPathParametersAndDecodedQueryParameters) {
  Router router;
  router.add("GET", "/api/v1/items/{code}", [](const Request& request) {
    nlohmann::json query = nlohmann::json::array();
    for (const auto& [name, value] : request.query) query.push_back({name, value});
    return json(200, {{"code", request.pathParam("code")},
                      {"query", query},
                      {"path", request.path},
                      {"year", request.queryParam("år").value_or("none")}});
  });
  RunningServer server(std::move(router));
  TestClient client(server.port());
  const auto reply = client.roundTrip(
      get("/api/v1/items/KS%2DU03?q=m%C3%A5l+och+uppdrag&%C3%A5r=2025&x=a%26b%3Dc&empty=&flag"));
  ASSERT_EQ(reply.result_int(), 200u) << reply.body();
  const auto body = bodyOf(reply);
  EXPECT_EQ(body["code"], "KS-U03");
  EXPECT_EQ(body["path"], "/api/v1/items/KS%2DU03");
  EXPECT_EQ(body["year"], "2025");
  EXPECT_EQ(body["query"], nlohmann::json::parse(R"([["q","mål och uppdrag"],["år","2025"],
                                                     ["x","a&b=c"],["empty",""],["flag",""]])"));
}

TEST(Server, BrokenPercentEncodingIs400) {
  RunningServer server(healthRouter());
  TestClient client(server.port());
  expectErrorShape(client.roundTrip(get("/api/v1/health?q=%zz")), 400, "malformed_request");
  // The request was whole, so the connection stays usable.
  EXPECT_EQ(client.roundTrip(get("/api/v1/health")).result_int(), 200u);
}

TEST(Server, GarbageIs400AndClosed) {
  RunningServer server(healthRouter());
  TestClient client(server.port());
  ASSERT_FALSE(client.writeRaw("THIS IS NOT HTTP\r\n\r\n"));
  Reply reply;
  ASSERT_FALSE(client.read(reply));
  expectErrorShape(reply, 400, "malformed_request");
  EXPECT_FALSE(reply.keep_alive());
  EXPECT_TRUE(client.closedWithin(kPatience));
}

TEST(Server, AnHttp11RequestWithoutHostIs400) {
  RunningServer server(healthRouter());
  TestClient client(server.port());
  ASSERT_FALSE(client.writeRaw("GET /api/v1/health HTTP/1.1\r\n\r\n"));
  Reply reply;
  ASSERT_FALSE(client.read(reply));
  expectErrorShape(reply, 400, "malformed_request");
}

TEST(Server, KeepsFramingHeadersToItself) {
  Router router;
  router.add("GET", "/framing", [](const Request&) {
    auto response = json(200, {{"ok", true}});
    response.headers.set("Content-Length", "999");
    response.headers.set("Connection", "close");
    response.headers.set("X-Injected", "a\r\nSet-Cookie: evil=1");
    response.headers.set("Cache-Control", "no-store");
    return response;
  });
  RunningServer server(std::move(router));
  TestClient client(server.port());
  const auto reply = client.roundTrip(get("/framing"));
  EXPECT_EQ(reply.body(), R"({"ok":true})");
  EXPECT_EQ(headerOf(reply, "Content-Length"), "11");
  EXPECT_TRUE(reply.keep_alive());
  EXPECT_EQ(reply.count("X-Injected"), 0u);
  EXPECT_EQ(reply.count("Set-Cookie"), 0u);
  EXPECT_EQ(headerOf(reply, "Cache-Control"), "no-store");
  EXPECT_THAT(server.log().lines(), SizeIs(3));  // each dropped header is logged
}

class BodyLimit : public ::testing::Test {
 protected:
  BodyLimit() : server_(router(), options()) {}

  Router router() {
    Router router;
    router.add("POST", "/api/v1/echo", [this](const Request& request) {
      ++calls_;
      return json(200, {{"size", request.body.size()}});
    });
    return router;
  }
  static ServerOptions options() {
    ServerOptions options;
    options.body_limit = 1024;
    return options;
  }

  std::atomic<int> calls_{0};
  RunningServer server_;
};

TEST_F(BodyLimit, ABodyOverTheLimitIs413AndNeverReachesTheHandler) {
  TestClient client(server_.port());
  const auto reply = client.roundTrip(
      request(bhttp::verb::post, "/api/v1/echo", "\"" + std::string(4000, 'x') + "\""));
  expectErrorShape(reply, 413, "body_too_large");
  EXPECT_FALSE(reply.keep_alive());
  EXPECT_EQ(calls_, 0);
}

TEST_F(BodyLimit, AChunkedBodyOverTheLimitIs413Too) {
  TestClient client(server_.port());
  auto message = request(bhttp::verb::post, "/api/v1/echo", std::string(4000, 'x'));
  message.chunked(true);
  const auto reply = client.roundTrip(message);
  expectErrorShape(reply, 413, "body_too_large");
  EXPECT_EQ(calls_, 0);
}

TEST_F(BodyLimit, ABodyAtTheLimitIsServed) {
  TestClient client(server_.port());
  const auto reply = client.roundTrip(
      request(bhttp::verb::post, "/api/v1/echo", "\"" + std::string(1022, 'x') + "\""));
  EXPECT_EQ(reply.result_int(), 200u);
  EXPECT_EQ(bodyOf(reply)["size"], 1024);
  EXPECT_EQ(calls_, 1);
}

TEST(Server, AnswersExpectContinue) {
  Router router;
  router.add("POST", "/api/v1/echo", [](const Request& request) {
    return json(200, {{"size", request.body.size()}});
  });
  RunningServer server(std::move(router));
  TestClient client(server.port());
  auto message = request(bhttp::verb::post, "/api/v1/echo", "[1,2,3]");
  message.set(bhttp::field::expect, "100-continue");
  // Send the header, wait for the interim 100, then send the body.
  bhttp::request_serializer<bhttp::string_body> serializer(message);
  ASSERT_FALSE(client.writeHeader(serializer));
  Reply interim;
  ASSERT_FALSE(client.read(interim));
  EXPECT_EQ(interim.result_int(), 100u);
  ASSERT_FALSE(client.writeRaw(message.body()));
  Reply reply;
  ASSERT_FALSE(client.read(reply));
  EXPECT_EQ(reply.result_int(), 200u);
  EXPECT_EQ(bodyOf(reply)["size"], 7);
}

TEST(Server, KeepsAConnectionAliveForSeveralRequests) {
  RunningServer server(healthRouter());
  TestClient client(server.port());
  for (int i = 0; i < 3; ++i) {
    const auto reply = client.roundTrip(get("/api/v1/health"));
    EXPECT_EQ(reply.result_int(), 200u);
    EXPECT_TRUE(reply.keep_alive());
    EXPECT_EQ(reply.body(), R"({"status":"ok"})");
  }
  // One connection served all three: the access log has three lines.
  EXPECT_THAT(server.accessLog().waitFor(3), SizeIs(3));
}

TEST(Server, AnswersHeadLikeGetWithoutABody) {
  RunningServer server(healthRouter());
  TestClient client(server.port());
  auto head = get("/api/v1/health");
  head.method(bhttp::verb::head);
  ASSERT_FALSE(client.write(head));
  Reply reply;
  ASSERT_FALSE(client.readHeadReply(reply));
  EXPECT_EQ(reply.result_int(), 200u);
  EXPECT_EQ(headerOf(reply, "Content-Length"), "15");
  EXPECT_EQ(reply.body(), "");
  // Nothing stray followed the header: the next reply on the connection reads cleanly.
  EXPECT_EQ(client.roundTrip(get("/api/v1/health")).body(), R"({"status":"ok"})");
  const auto lines = server.accessLog().waitFor(2);
  ASSERT_THAT(lines, SizeIs(2));
  EXPECT_EQ(nlohmann::json::parse(lines[0])["method"], "HEAD");
  EXPECT_EQ(nlohmann::json::parse(lines[0])["bytes"], 0);
}

TEST(Server, ClosesWhenTheClientAsks) {
  RunningServer server(healthRouter());
  TestClient client(server.port());
  auto message = get("/api/v1/health");
  message.keep_alive(false);
  const auto reply = client.roundTrip(message);
  EXPECT_EQ(reply.result_int(), 200u);
  EXPECT_FALSE(reply.keep_alive());
  EXPECT_TRUE(client.closedWithin(kPatience));
}

class Compression : public ::testing::Test {
 protected:
  static nlohmann::json bigDocument() {
    auto items = nlohmann::json::array();
    for (int i = 0; i < 400; ++i) {
      items.push_back({{"code", "KS-U" + std::to_string(i)}, {"title", "Öka läsförståelsen"}});
    }
    return {{"items", items}};
  }
  static Router router() {
    Router router;
    router.add("GET", "/big", [](const Request&) { return json(200, bigDocument()); });
    router.add("GET", "/small", [](const Request&) { return json(200, {{"a", 1}}); });
    return router;
  }
  static Message withEncoding(std::string target, std::string accept_encoding) {
    auto message = get(std::move(target));
    message.set(bhttp::field::accept_encoding, accept_encoding);
    return message;
  }

  RunningServer server_{router()};
};

TEST_F(Compression, CompressesALargeResponseWhenTheClientAcceptsGzip) {
  TestClient client(server_.port());
  const auto reply = client.roundTrip(withEncoding("/big", "br, gzip;q=0.8"));
  ASSERT_EQ(reply.result_int(), 200u);
  EXPECT_EQ(headerOf(reply, "Content-Encoding"), "gzip");
  EXPECT_EQ(headerOf(reply, "Vary"), "Accept-Encoding");
  const auto expected = json(200, bigDocument()).body;
  EXPECT_LT(reply.body().size(), expected.size() / 4);
  const auto inflated = gunzip(reply.body());
  ASSERT_TRUE(inflated.has_value());
  EXPECT_EQ(*inflated, expected);
}

TEST_F(Compression, DoesNotCompressWithoutAcceptEncoding) {
  TestClient client(server_.port());
  const auto reply = client.roundTrip(get("/big"));
  EXPECT_EQ(reply.count(bhttp::field::content_encoding), 0u);
  EXPECT_EQ(headerOf(reply, "Vary"), "Accept-Encoding");
  EXPECT_EQ(reply.body(), json(200, bigDocument()).body);

  const auto refused = client.roundTrip(withEncoding("/big", "gzip;q=0, identity"));
  EXPECT_EQ(refused.count(bhttp::field::content_encoding), 0u);
  EXPECT_EQ(refused.body(), json(200, bigDocument()).body);
}

TEST_F(Compression, LeavesSmallResponsesAlone) {
  TestClient client(server_.port());
  const auto reply = client.roundTrip(withEncoding("/small", "gzip"));
  EXPECT_EQ(reply.count(bhttp::field::content_encoding), 0u);
  EXPECT_EQ(reply.count(bhttp::field::vary), 0u);
  EXPECT_EQ(reply.body(), R"({"a":1})");
}

class RequestIds : public ::testing::Test {
 protected:
  static Router router() {
    Router router;
    router.add("GET", "/id", [](const Request& request) {
      return json(200, {{"id", request.request_id}});
    });
    return router;
  }
  Reply withId(TestClient& client, std::optional<std::string> id) {
    auto message = get("/id");
    if (id) message.set("X-Request-Id", *id);
    auto reply = client.roundTrip(message);
    // The handler saw the id the client gets back.
    EXPECT_EQ(bodyOf(reply)["id"], headerOf(reply, "X-Request-Id"));
    return reply;
  }

  RunningServer server_{router()};
};

TEST_F(RequestIds, EchoesASaneId) {
  TestClient client(server_.port());
  const std::string id = "abc-123_XYZ-" + std::string(52, '7');  // 64 characters
  EXPECT_EQ(headerOf(withId(client, id), "X-Request-Id"), id);
}

TEST_F(RequestIds, GeneratesOneWhenAbsentOrInsane) {
  TestClient client(server_.port());
  std::set<std::string> seen;
  const std::vector<std::optional<std::string>> incoming = {
      std::nullopt, std::nullopt, "", "has space", "a/b", "ünicode", std::string(65, 'a')};
  for (const auto& id : incoming) {
    const auto generated = headerOf(withId(client, id), "X-Request-Id");
    EXPECT_THAT(generated, ::testing::MatchesRegex("[0-9a-f]{32}"));
    if (id) {
      EXPECT_NE(generated, *id);
    }
    seen.insert(generated);
  }
  EXPECT_EQ(seen.size(), incoming.size());
}

TEST(Server, WritesOneAccessLogLinePerRequestWithoutTheQuery) {
  Router router;
  addHealthRoute(router);
  router.add("GET", "/api/v1/items/{code}", [](const Request&) {
    return json(200, {{"ok", true}});
  });
  RunningServer server(std::move(router));
  TestClient client(server.port());
  const auto first = client.roundTrip(get("/api/v1/items/KS-U03?token=s3cret&page=2"));
  const auto second = client.roundTrip(get("/api/v1/missing?access_token=s3cret"));
  const auto lines = server.accessLog().waitFor(2);
  ASSERT_GE(lines.size(), 2u);
  const auto line1 = nlohmann::json::parse(lines[0]);
  const auto line2 = nlohmann::json::parse(lines[1]);
  for (const auto& line : lines) EXPECT_THAT(line, Not(HasSubstr("s3cret")));

  EXPECT_EQ(line1["method"], "GET");
  EXPECT_EQ(line1["path"], "/api/v1/items/KS-U03");
  EXPECT_EQ(line1["status"], 200);
  EXPECT_EQ(line1["bytes"], first.body().size());
  EXPECT_EQ(line1["remote"], "127.0.0.1");
  EXPECT_EQ(line1["request_id"], headerOf(first, "X-Request-Id"));
  EXPECT_TRUE(line1["duration_ms"].is_number());
  EXPECT_GE(line1["duration_ms"].get<double>(), 0.0);
  EXPECT_THAT(line1["time"].get<std::string>(),
              ::testing::MatchesRegex("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\."
                                      "[0-9]{3}Z"));

  EXPECT_EQ(line2["path"], "/api/v1/missing");
  EXPECT_EQ(line2["status"], 404);
  EXPECT_EQ(line2["request_id"], headerOf(second, "X-Request-Id"));
}

TEST(Server, AThrowingHandlerGives500WithoutTheExceptionText) {
  Router router;
  router.add("GET", "/boom", [](const Request&) -> Response {
    throw std::runtime_error("disk /srv/styr/secret.db is on fire");
  });
  RunningServer server(std::move(router));
  TestClient client(server.port());
  const auto reply = client.roundTrip(get("/boom"));
  expectErrorShape(reply, 500, "internal_error");
  EXPECT_THAT(reply.body(), Not(HasSubstr("fire")));
  EXPECT_THAT(reply.body(), Not(HasSubstr("secret")));
  // The cause is in the server's log, with the request id that the client got.
  const auto log = server.log().lines();
  ASSERT_THAT(log, SizeIs(1));
  EXPECT_THAT(log[0], HasSubstr("disk /srv/styr/secret.db is on fire"));
  EXPECT_THAT(log[0], HasSubstr(headerOf(reply, "X-Request-Id")));
  // The connection survives it.
  EXPECT_EQ(client.roundTrip(get("/boom")).result_int(), 500u);
}

TEST(Server, MapsEveryAppErrorToItsStatusAndShape) {
  const std::vector<std::pair<app::ErrorCode, unsigned>> expected = {
      {app::ErrorCode::invalid_input, 400}, {app::ErrorCode::unauthenticated, 401},
      {app::ErrorCode::forbidden, 403},     {app::ErrorCode::not_found, 404},
      {app::ErrorCode::conflict, 409},      {app::ErrorCode::locked, 409},
      {app::ErrorCode::rule_broken, 422}};
  Router router;
  router.add("GET", "/errors/{code}", [&](const Request& request) {
    for (const auto& [code, status] : expected) {
      if (app::toString(code) == request.pathParam("code")) {
        return errorResponse(app::Error{code,
                                        "Det gick inte.",
                                        {{"items[2].issuer", "D1", "Utfärdaren saknas."},
                                         {"items[3].recipient", "D1", "Mottagaren saknas."}}});
      }
    }
    return json(500, {});
  });
  RunningServer server(std::move(router));
  TestClient client(server.port());
  for (const auto& [code, status] : expected) {
    SCOPED_TRACE(std::string(app::toString(code)));
    const auto reply = client.roundTrip(get("/errors/" + std::string(app::toString(code))));
    EXPECT_EQ(reply.result_int(), status);
    EXPECT_EQ(bodyOf(reply), nlohmann::json::parse(fmt::format(
                                 R"({{"error":{{"code":"{}","message":"Det gick inte.",
                                     "field":"items[2].issuer","details":[
                                     {{"where":"items[2].issuer","rule":"D1",
                                       "message":"Utfärdaren saknas."}},
                                     {{"where":"items[3].recipient","rule":"D1",
                                       "message":"Mottagaren saknas."}}]}}}})",
                                 app::toString(code))));
  }
}

TEST(Server, DropsAClientThatSendsNothingAfterTheReadTimeout) {
  ServerOptions options;
  options.read_timeout = 1s;
  RunningServer server(healthRouter(), options);
  TestClient client(server.port());
  const auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(client.closedWithin(kPatience));
  const auto waited = std::chrono::steady_clock::now() - start;
  EXPECT_GE(waited, 900ms);
  EXPECT_LT(waited, 5s);
  EXPECT_THAT(server.accessLog().lines(), SizeIs(0));  // no request, no line
}

TEST(Server, AnswersAStalledRequestWith408) {
  ServerOptions options;
  options.read_timeout = 1s;
  RunningServer server(healthRouter(), options);
  TestClient client(server.port());
  ASSERT_FALSE(client.writeRaw("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n"));  // unfinished
  Reply reply;
  ASSERT_FALSE(client.read(reply));
  expectErrorShape(reply, 408, "request_timeout");
  EXPECT_TRUE(client.closedWithin(kPatience));
}

TEST(Server, ClosesAnIdleKeepAliveConnectionAfterTheIdleTimeout) {
  ServerOptions options;
  options.idle_timeout = 1s;
  RunningServer server(healthRouter(), options);
  TestClient client(server.port());
  EXPECT_EQ(client.roundTrip(get("/api/v1/health")).result_int(), 200u);
  const auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(client.closedWithin(kPatience));
  EXPECT_GE(std::chrono::steady_clock::now() - start, 900ms);
}

// The watchdog sleeps until the connection's idle deadline; a stalled request's earlier read
// deadline must wake it, or the 408 would come only when the idle timeout is over.
TEST(Server, AStalledRequestAfterOthersOnTheConnectionGets408InTheReadTimeout) {
  ServerOptions options;
  options.read_timeout = 1s;
  options.idle_timeout = 20s;
  RunningServer server(healthRouter(), options);
  TestClient client(server.port());
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(client.roundTrip(get("/api/v1/health")).result_int(), 200u);
  }
  const auto start = std::chrono::steady_clock::now();
  ASSERT_FALSE(client.writeRaw("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n"));  // unfinished
  Reply reply;
  ASSERT_FALSE(client.read(reply));
  expectErrorShape(reply, 408, "request_timeout");
  EXPECT_LT(std::chrono::steady_clock::now() - start, 10s);
}

//! GET /slow, whose handler holds the thread it runs on until released.
class SlowRoute {
 public:
  void addTo(Router& router) {
    router.add("GET", "/slow", [released = released_](const Request&) {
      released.wait_for(kPatience);
      return text(200, "slow");
    });
  }

  //! `target`'s reply on another connection while a request to /slow waits in its handler;
  //! then /slow is released and must have been answered.
  Reply meanwhile(const RunningServer& server, const std::string& target) {
    TestClient slow(server.port());
    EXPECT_FALSE(slow.write(get("/slow")));
    TestClient other(server.port());
    Reply answer = other.roundTrip(get(target));
    release_.set_value();
    Reply late;
    EXPECT_FALSE(slow.read(late));
    EXPECT_EQ(late.body(), "slow");
    return answer;
  }

 private:
  std::promise<void> release_;
  std::shared_future<void> released_ = release_.get_future().share();
};

// A kept answer known without the store is given on the io thread: it does not wait for a
// worker, even when every worker is busy, and its body is sent from where it is kept.
TEST(Server, GivesAQuickAnswerWhileEveryWorkerIsBusy) {
  auto kept = std::make_shared<const std::string>(300 * 1024, 'k');
  std::atomic<int> handled{0};
  SlowRoute slow;
  Router router;
  slow.addTo(router);
  router.add("GET", "/kept", [&handled](const Request&) {
    ++handled;
    return text(200, "from the handler");
  });
  router.setQuick([kept](const Request& request) -> std::optional<Response> {
    if (request.path != "/kept") return std::nullopt;
    Response response = text(200, "");
    response.shared_body = kept;
    return response;
  });
  ServerOptions options;
  options.threads = 1;
  options.workers = 1;
  RunningServer server(std::move(router), options);

  Reply answer = slow.meanwhile(server, "/kept");
  EXPECT_EQ(answer.result_int(), 200u);
  EXPECT_EQ(answer.body(), *kept);
  EXPECT_EQ(handled.load(), 0);
  const auto lines = server.accessLog().waitFor(2);
  ASSERT_THAT(lines, SizeIs(2));
  EXPECT_EQ(nlohmann::json::parse(lines[0])["path"], "/kept");
  EXPECT_EQ(nlohmann::json::parse(lines[0])["bytes"], kept->size());
}

// A handler that waits (on the store, on argon2 at sign-in) must not hold up other
// connections: with workers, the io thread goes on serving while it waits.
TEST(Server, AWaitingHandlerOnAWorkerDoesNotHoldUpOtherConnections) {
  SlowRoute slow;
  Router router;
  slow.addTo(router);
  router.add("GET", "/quick", [](const Request&) { return text(200, "quick"); });
  ServerOptions options;
  options.threads = 1;
  options.workers = 2;
  RunningServer server(std::move(router), options);
  EXPECT_EQ(slow.meanwhile(server, "/quick").body(), "quick");
}

}  // namespace
}  // namespace styr::http::test
