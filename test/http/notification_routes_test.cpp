// The notifications inbox over HTTP and the controller's "remind them all": each person reads
// and marks only their own notifications; only a controller reminds.

#include <gtest/gtest.h>

#include <string>

#include "demo/lerum_demo.hpp"
#include "http/demo_api.hpp"

namespace styr::http::test {
namespace {

constexpr const char* kAnnual = "2025-AR";  // every level reports to it, LAR-E01 too

class NotificationRoutes : public DemoApi {
 protected:
  void SetUp() override {
    DemoApi::SetUp();
    // The demo may come with its 2025 plan adopted already (409), which serves as well.
    auto adopted = post("controller", "/api/v1/occasions/default-plan", {{"year", 2025}});
    ASSERT_TRUE(adopted.result_int() == 201 || adopted.result_int() == 409) << adopted.body();
  }

  //! The id of the newest notification of `username` linking to `link`; 0 when none does.
  std::int64_t notificationLinkingTo(const std::string& username, const std::string& link) {
    auto reply = get(username, "/api/v1/notifications");
    EXPECT_EQ(reply.result_int(), 200) << reply.body();
    // Kept: a range-for over a member of a temporary would read freed memory.
    const nlohmann::json list = body(reply)["notifications"];
    for (const auto& notification : list) {
      if (notification["link"] == link) return notification["id"].get<std::int64_t>();
    }
    return 0;
  }
};

TEST_F(NotificationRoutes, TheControllersReminderReachesTheUnitManagerOnly) {
  const std::string link = fmt::format("/api/v1/occasions/{}/report-backs/LAR-E01", kAnnual);
  auto reply = post("controller", fmt::format("/api/v1/occasions/{}/reminders", kAnnual));
  ASSERT_EQ(reply.result_int(), 200) << reply.body();
  auto reminded = body(reply);
  EXPECT_EQ(reminded["occasion"], kAnnual);
  EXPECT_GT(reminded["people"].get<int>(), 0);
  bool lar_e01 = false;
  for (const auto& recipient : reminded["recipients"]) {
    if (recipient["recipient"] != "LAR-E01") continue;
    lar_e01 = true;
    EXPECT_EQ(recipient["state"], "missing");
    ASSERT_EQ(recipient["people"].size(), 1U);
    EXPECT_EQ(recipient["people"][0]["code"], demo::lerumKeyPeople().unit_manager);
  }
  EXPECT_TRUE(lar_e01) << reminded.dump(2);

  auto mine = get("enhetschef", "/api/v1/notifications");
  ASSERT_EQ(mine.result_int(), 200);
  const nlohmann::json list = body(mine)["notifications"];
  ASSERT_FALSE(list.empty());
  EXPECT_EQ(list[0]["kind"], "reminder");
  EXPECT_EQ(list[0]["link"], link);
  EXPECT_TRUE(list[0]["read_at"].is_null());
  EXPECT_NE(list[0]["subject"].get<std::string>().find("2026-"), std::string::npos)
      << "the subject names the deadline";
  EXPECT_EQ(notificationLinkingTo("medarbetare", link), 0) << "not the employee's";
  EXPECT_EQ(notificationLinkingTo("sektorschef", link), 0) << "not the sector head's";
}

TEST_F(NotificationRoutes, OnlyOnesOwnNotificationIsMarkedRead) {
  const std::string link = fmt::format("/api/v1/occasions/{}/report-backs/LAR-E01", kAnnual);
  ASSERT_EQ(post("controller", fmt::format("/api/v1/occasions/{}/reminders", kAnnual)).result_int(),
            200);
  std::int64_t id = notificationLinkingTo("enhetschef", link);
  ASSERT_NE(id, 0);
  const std::string target = fmt::format("/api/v1/notifications/{}/read", id);

  auto theirs = post("medarbetare", target);
  EXPECT_EQ(theirs.result_int(), 404) << theirs.body();
  EXPECT_EQ(post("", target).result_int(), 401);
  auto unread = body(get("enhetschef", "/api/v1/notifications?unread=true"))["notifications"];
  EXPECT_NE(
      std::find_if(unread.begin(), unread.end(), [&](const auto& n) { return n["id"] == id; }),
      unread.end())
      << "the employee's attempt left it unread";

  EXPECT_EQ(post("enhetschef", target).result_int(), 204);
  EXPECT_EQ(post("enhetschef", target).result_int(), 204) << "read once is read";
  unread = body(get("enhetschef", "/api/v1/notifications?unread=true"))["notifications"];
  EXPECT_EQ(
      std::find_if(unread.begin(), unread.end(), [&](const auto& n) { return n["id"] == id; }),
      unread.end());
  auto all = body(get("enhetschef", "/api/v1/notifications?limit=500"))["notifications"];
  auto read = std::find_if(all.begin(), all.end(), [&](const auto& n) { return n["id"] == id; });
  ASSERT_NE(read, all.end());
  EXPECT_FALSE((*read)["read_at"].is_null());

  EXPECT_EQ(post("enhetschef", "/api/v1/notifications/999999/read").result_int(), 404);
  EXPECT_EQ(post("enhetschef", "/api/v1/notifications/not-a-number/read").result_int(), 404);
}

TEST_F(NotificationRoutes, TheListIsLimitedAndRefusesNonsense) {
  ASSERT_EQ(post("controller", fmt::format("/api/v1/occasions/{}/reminders", kAnnual)).result_int(),
            200);
  ASSERT_EQ(post("controller", fmt::format("/api/v1/occasions/{}/reminders", kAnnual)).result_int(),
            200);
  auto one = get("enhetschef", "/api/v1/notifications?limit=1");
  ASSERT_EQ(one.result_int(), 200);
  EXPECT_EQ(body(one)["notifications"].size(), 1U);
  EXPECT_EQ(get("enhetschef", "/api/v1/notifications?limit=0").result_int(), 400);
  EXPECT_EQ(get("enhetschef", "/api/v1/notifications?unread=yes").result_int(), 400);
  EXPECT_EQ(get("", "/api/v1/notifications").result_int(), 401);
}

TEST_F(NotificationRoutes, OnlyAControllerRemindsThemAll) {
  auto refused = post("enhetschef", fmt::format("/api/v1/occasions/{}/reminders", kAnnual));
  EXPECT_EQ(refused.result_int(), 403) << refused.body();
  EXPECT_EQ(post("", fmt::format("/api/v1/occasions/{}/reminders", kAnnual)).result_int(), 401);
  EXPECT_EQ(post("controller", "/api/v1/occasions/2025-NONE/reminders").result_int(), 404);
  EXPECT_EQ(notificationLinkingTo(
                "enhetschef", fmt::format("/api/v1/occasions/{}/report-backs/LAR-E01", kAnnual)),
            0);
}

}  // namespace
}  // namespace styr::http::test
