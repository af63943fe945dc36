// The browser UI's files: what a browser gets for each kind of path, and what it may keep.

#include "http/static_files.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "http/compression.hpp"
#include "http/health.hpp"
#include "http/router.hpp"

namespace styr::http {
namespace {

namespace fs = std::filesystem;

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("styr-web-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / "assets");
    write("index.html", "<!doctype html><html lang=\"sv\"><title>Styr</title></html>");
    script_ = "export const text = '" + std::string(4000, 'x') + "';\n";
    write("assets/index-Ab12Cd.js", script_);
    write("favicon.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
  }
  void TearDown() override { fs::remove_all(root_); }

  void write(const std::string& name, const std::string& content) {
    std::ofstream(root_ / name, std::ios::binary) << content;
  }

  static Response get(const StaticFiles& files, const std::string& target,
                      const Headers& headers = {}) {
    Request request;
    request.method = "GET";
    EXPECT_TRUE(parseTarget(target, request));
    request.headers = headers;
    return files.serve(request);
  }

  fs::path root_;
  std::string script_;
};

TEST_F(StaticFilesTest, ThePagesOfTheUiAreAllIndexHtmlUnderAStrictPolicy) {
  StaticFiles files = StaticFiles::load(root_);
  EXPECT_EQ(files.fileCount(), 3U);
  for (const char* path : {"/", "/styrkedjan", "/uppdrag/KD-U001/nytt", "/avvikelser?x=1"}) {
    Response page = get(files, path);
    EXPECT_EQ(page.status, 200) << path;
    EXPECT_EQ(page.content_type, "text/html; charset=utf-8") << path;
    EXPECT_NE(page.bodyView().find("<title>Styr</title>"), std::string::npos) << path;
    EXPECT_EQ(page.headers.get("Cache-Control"), "no-cache") << path;
    auto policy = page.headers.get("Content-Security-Policy");
    ASSERT_TRUE(policy.has_value()) << path;
    EXPECT_NE(policy->find("script-src 'self'"), std::string_view::npos);
    EXPECT_NE(policy->find("frame-ancestors 'none'"), std::string_view::npos);
  }
}

TEST_F(StaticFilesTest, HashedAssetsAreKeptForAYearAndSentCompressed) {
  StaticFiles files = StaticFiles::load(root_);
  Headers gzip_ok;
  gzip_ok.set("Accept-Encoding", "gzip, deflate");
  Response script = get(files, "/assets/index-Ab12Cd.js", gzip_ok);
  ASSERT_EQ(script.status, 200);
  EXPECT_EQ(script.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(script.headers.get("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(script.headers.get("Content-Encoding"), "gzip");
  EXPECT_EQ(script.headers.get("Vary"), "Accept-Encoding");
  EXPECT_LT(script.bodyView().size(), script_.size());
  EXPECT_EQ(gunzip(script.bodyView()), script_);

  Response plain = get(files, "/assets/index-Ab12Cd.js");
  EXPECT_FALSE(plain.headers.contains("Content-Encoding"));
  EXPECT_EQ(plain.bodyView(), script_);
}

TEST_F(StaticFilesTest, AnUnchangedFileIsNotSentAgain) {
  StaticFiles files = StaticFiles::load(root_);
  Response first = get(files, "/");
  auto etag = first.headers.get("ETag");
  ASSERT_TRUE(etag.has_value());
  Headers revalidate;
  revalidate.set("If-None-Match", std::string("\"other\", ") + std::string(*etag));
  Response again = get(files, "/", revalidate);
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.bodyView().empty());

  write("index.html", "<!doctype html><title>Styr 2</title>");
  StaticFiles rebuilt = StaticFiles::load(root_);
  EXPECT_EQ(get(rebuilt, "/", revalidate).status, 200) << "a new build is a new ETag";
}

TEST_F(StaticFilesTest, AMissingFileAndTheApiAreNotAnsweredWithThePage) {
  StaticFiles files = StaticFiles::load(root_);
  Response missing = get(files, "/assets/gone-123.js");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.content_type, "application/json");
  EXPECT_EQ(get(files, "/api/v1/nothing-here").status, 404);
  EXPECT_EQ(get(files, "/api").status, 404);
  // Nothing outside the files read is reachable, however the path is written: a file name
  // is not found, anything else is the UI's page.
  EXPECT_EQ(get(files, "/../../etc/os-release.d").status, 404);
  EXPECT_EQ(get(files, "/%2e%2e/%2e%2e/etc/hosts.allow").status, 404);
  Response climbing = get(files, "/%2e%2e/%2e%2e/etc/passwd");
  EXPECT_EQ(climbing.status, 200);
  EXPECT_NE(climbing.bodyView().find("<title>Styr</title>"), std::string::npos);
  Request undecodable;
  undecodable.method = "GET";
  undecodable.path = "/%zz";
  EXPECT_EQ(files.serve(undecodable).status, 400);
}

TEST_F(StaticFilesTest, AFolderWithoutABuiltUiIsRefused) {
  fs::remove(root_ / "index.html");
  EXPECT_THROW(StaticFiles::load(root_), std::runtime_error);
  EXPECT_THROW(StaticFiles::load(root_ / "nowhere"), std::runtime_error);
}

TEST_F(StaticFilesTest, TheRouterFallsBackToTheFilesOnlyForReadsNoRouteTakes) {
  StaticFiles files = StaticFiles::load(root_);
  Router router;
  addHealthRoute(router);
  router.setFallback([&files](const Request& request) { return files.serve(request); });
  auto call = [&router](const char* method, const char* target) {
    Request request;
    request.method = method;
    EXPECT_TRUE(parseTarget(target, request));
    return router.handle(request);
  };
  EXPECT_EQ(call("GET", "/api/v1/health").content_type, "application/json");
  EXPECT_EQ(call("GET", "/kalender").content_type, "text/html; charset=utf-8");
  EXPECT_EQ(call("HEAD", "/kalender").status, 200);
  Response posted = call("POST", "/kalender");
  EXPECT_EQ(posted.status, 404);
  EXPECT_EQ(posted.content_type, "application/json");
  EXPECT_EQ(call("DELETE", "/api/v1/health").status, 405);
}

}  // namespace
}  // namespace styr::http
