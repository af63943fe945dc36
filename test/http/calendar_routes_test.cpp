// The follow-up calendar over HTTP: the year's occasions with every level's deadline as JSON,
// and a person's own deadlines as an iCalendar feed (RFC 5545) that a calendar app subscribes
// to with an API token in the URL.

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "demo/lerum_demo.hpp"
#include "domain/model.hpp"
#include "http/demo_api.hpp"

namespace styr::http::test {
namespace {

class CalendarRoutes : public DemoApi {
 protected:
  void adopt() {
    // The demo may come with its 2025 plan adopted already (409), which serves as well.
    auto adopted = post("controller", "/api/v1/occasions/default-plan", {{"year", 2025}});
    ASSERT_TRUE(adopted.result_int() == 201 || adopted.result_int() == 409) << adopted.body();
  }

  //! An API token's secret created by `username` with `scopes`.
  std::string tokenOf(const std::string& username, const std::string& name,
                      const std::vector<std::string>& scopes) {
    auto created = post(username, "/api/v1/tokens", {{"name", name}, {"scopes", scopes}});
    EXPECT_EQ(created.result_int(), 201) << created.body();
    return created.result_int() == 201 ? body(created)["secret"].get<std::string>() : "";
  }
};

//! One VEVENT's properties by name (the parameters left on the name: "DTSTART;VALUE=DATE").
using Event = std::map<std::string, std::string>;

//! Checks the feed's structure (CRLF line ends, lines folded at 75 octets and never inside a
//! UTF-8 sequence, the calendar around its events) and returns the events.
std::vector<Event> parseFeed(const std::string& feed, bool& folded) {
  std::vector<Event> events;
  EXPECT_TRUE(feed.size() >= 2 && feed.substr(feed.size() - 2) == "\r\n");
  for (std::size_t at = feed.find('\n'); at != std::string::npos; at = feed.find('\n', at + 1)) {
    EXPECT_TRUE(at > 0 && feed[at - 1] == '\r') << "a bare LF at octet " << at;
  }
  std::vector<std::string> lines;
  folded = false;
  std::size_t start = 0;
  while (start < feed.size()) {
    std::size_t end = feed.find("\r\n", start);
    std::string physical = feed.substr(start, end - start);
    start = end + 2;
    EXPECT_LE(physical.size(), 75U) << physical;
    if (!physical.empty() && physical[0] == ' ') {
      folded = true;
      EXPECT_FALSE(physical.size() > 1 && (static_cast<unsigned char>(physical[1]) & 0xC0) == 0x80)
          << "folded inside a UTF-8 sequence: " << physical;
      EXPECT_FALSE(lines.empty());
      if (!lines.empty()) lines.back() += physical.substr(1);
    } else {
      lines.push_back(physical);
    }
  }
  EXPECT_FALSE(lines.empty());
  if (lines.empty()) return events;
  EXPECT_EQ(lines.front(), "BEGIN:VCALENDAR");
  EXPECT_EQ(lines.back(), "END:VCALENDAR");
  EXPECT_NE(std::find(lines.begin(), lines.end(), "VERSION:2.0"), lines.end());
  bool prodid = std::any_of(lines.begin(), lines.end(),
                            [](const std::string& line) { return line.rfind("PRODID:", 0) == 0; });
  EXPECT_TRUE(prodid);
  Event* open = nullptr;
  for (const std::string& line : lines) {
    if (line == "BEGIN:VEVENT") {
      EXPECT_EQ(open, nullptr) << "an event inside an event";
      events.emplace_back();
      open = &events.back();
    } else if (line == "END:VEVENT") {
      EXPECT_NE(open, nullptr) << "END:VEVENT without BEGIN";
      open = nullptr;
    } else if (open != nullptr) {
      auto colon = line.find(':');
      EXPECT_NE(colon, std::string::npos) << line;
      (*open)[line.substr(0, colon)] = line.substr(colon + 1);
    }
  }
  EXPECT_EQ(open, nullptr) << "an event is not ended";
  return events;
}

//! Whether every ';' and ',' of a TEXT value is escaped.
bool escaped(const std::string& value) {
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\\') {
      ++i;
      continue;
    }
    if (value[i] == ';' || value[i] == ',') return false;
  }
  return true;
}

TEST_F(CalendarRoutes, AYearWithoutAStoredPlanSaysSoAndHowToAdoptOne) {
  auto reply = get("controller", "/api/v1/calendar?year=2030");
  ASSERT_EQ(reply.result_int(), 404) << reply.body();
  std::string message = body(reply)["error"]["message"];
  EXPECT_NE(message.find("2030"), std::string::npos) << message;
  EXPECT_NE(message.find("POST /api/v1/occasions/default-plan"), std::string::npos) << message;
  EXPECT_EQ(get("controller", "/api/v1/calendar?year=twenty").result_int(), 400);
}

TEST_F(CalendarRoutes, TheYearsOccasionsComeWithEveryLevelsDeadline) {
  adopt();
  auto reply = get("sektorschef", "/api/v1/calendar?year=2025");
  ASSERT_EQ(reply.result_int(), 200) << reply.body();
  auto calendar = body(reply);
  EXPECT_EQ(calendar["year"], 2025);
  EXPECT_EQ(calendar["adopted"], true);
  auto plan = body(get("controller", "/api/v1/occasions?year=2025"))["occasions"];
  ASSERT_EQ(calendar["occasions"].size(), plan.size());
  std::set<std::string> codes;
  for (const auto& occasion : plan) codes.insert(occasion["code"].get<std::string>());
  std::string previous_end;
  for (const auto& occasion : calendar["occasions"]) {
    EXPECT_TRUE(codes.count(occasion["code"].get<std::string>())) << occasion["code"];
    std::string period_end = occasion["period_end"];
    EXPECT_GE(period_end, previous_end) << "by the period's end";
    previous_end = period_end;
    ASSERT_FALSE(occasion["deadlines"].empty()) << occasion["code"];
    for (const auto& deadline : occasion["deadlines"]) {
      std::string date = deadline["deadline"];
      EXPECT_EQ(date.size(), 10U);
      EXPECT_GT(date, period_end) << occasion["code"];
      EXPECT_LE(date, occasion["meeting"].get<std::string>()) << occasion["code"];
    }
  }
  const auto& interim = *std::find_if(calendar["occasions"].begin(), calendar["occasions"].end(),
                                      [](const auto& o) { return o["code"] == "2025-DELAR"; });
  EXPECT_EQ(interim["level"], "council");
  EXPECT_EQ(interim["period_end"], "2025-08-31");
  EXPECT_EQ(interim["meeting"], "2025-10-29");  // the last Wednesday of October
  EXPECT_EQ(interim["deadlines"][0]["level"], "unit") << "the lowest level first";
  EXPECT_EQ(get("", "/api/v1/calendar?year=2025").result_int(), 401);
}

TEST_F(CalendarRoutes, TheUnitManagersFeedHoldsTheDeadlinesOfTheirUnitsAndNobodyElses) {
  adopt();
  auto calendar = body(get("enhetschef", "/api/v1/calendar?year=2025"));
  std::map<std::string, std::string> unit_deadlines;  // occasion -> YYYYMMDD
  for (const auto& occasion : calendar["occasions"]) {
    for (const auto& deadline : occasion["deadlines"]) {
      if (deadline["level"] != "unit") continue;
      std::string date = deadline["deadline"];
      date.erase(std::remove(date.begin(), date.end(), '-'), date.end());
      unit_deadlines[occasion["code"]] = date;
    }
  }
  ASSERT_GE(unit_deadlines.size(), 3U) << "the tertial, the interim and the annual report";

  // The units whose report-backs the unit manager writes: LAR-E01 and the units they head
  // besides (each a unit-level recipient).
  const std::string manager = demo::lerumKeyPeople().unit_manager;
  std::set<std::string> headed;
  for (const auto& membership : store_->membershipsOf("1441", manager)) {
    if (membership.role == domain::Role::head &&
        domain::isValidOn(membership.valid_from, membership.valid_to, demo::lerumDemoDate())) {
      headed.insert(membership.unit);
    }
  }
  ASSERT_TRUE(headed.count("LAR-E01"));
  struct Expected {
    std::string occasion;
    std::string unit;
  };
  std::map<std::string, Expected> expected;  // by UID
  for (const auto& [occasion, date] : unit_deadlines) {
    for (const std::string& unit : headed) {
      expected[fmt::format("1441-{}-{}@styr", occasion, unit)] = Expected{occasion, unit};
    }
  }

  auto reply = get("enhetschef", "/api/v1/calendar/deadlines.ics");
  ASSERT_EQ(reply.result_int(), 200) << reply.body();
  EXPECT_EQ(reply[bhttp::field::content_type], "text/calendar; charset=utf-8");
  bool folded = false;
  auto events = parseFeed(reply.body(), folded);
  EXPECT_TRUE(folded) << "the descriptions are longer than a line";
  ASSERT_EQ(events.size(), expected.size()) << reply.body();
  std::set<std::string> uids;
  for (const Event& event : events) {
    const std::string& uid = event.at("UID");
    uids.insert(uid);
    ASSERT_TRUE(expected.count(uid)) << uid << " is not the unit manager's";
    const auto& [occasion, unit] = expected[uid];
    EXPECT_EQ(event.at("DTSTART;VALUE=DATE"), unit_deadlines[occasion]);
    EXPECT_TRUE(event.count("DTEND;VALUE=DATE"));
    EXPECT_TRUE(event.count("DTSTAMP"));
    EXPECT_EQ(event.at("SUMMARY").rfind("Sista dag: återrapportering till ", 0), 0U)
        << event.at("SUMMARY");
    const std::string& description = event.at("DESCRIPTION");
    EXPECT_NE(description.find(fmt::format("/api/v1/occasions/{}/report-backs/{}", occasion, unit)),
              std::string::npos)
        << description;
    EXPECT_NE(description.find("\\;"), std::string::npos) << "the ';' is escaped";
    EXPECT_NE(description.find("\\n"), std::string::npos) << "the line break is escaped";
    EXPECT_TRUE(escaped(description)) << description;
    EXPECT_TRUE(escaped(event.at("SUMMARY"))) << event.at("SUMMARY");
  }
  EXPECT_EQ(uids.size(), events.size()) << "one UID per occasion and recipient";

  // The same request again gives the same events: the UIDs are stable.
  EXPECT_EQ(get("enhetschef", "/api/v1/calendar/deadlines.ics").body(), reply.body());
  // The sector head writes SEK-LAR's report-backs, not LAR-E01's.
  auto sector = get("sektorschef", "/api/v1/calendar/deadlines.ics");
  ASSERT_EQ(sector.result_int(), 200);
  EXPECT_EQ(sector.body().find("LAR-E01@styr"), std::string::npos);
  EXPECT_NE(sector.body().find("-SEK-LAR@styr"), std::string::npos);
}

TEST_F(CalendarRoutes, ACalendarAppSubscribesWithAReadTokenInTheUrl) {
  adopt();
  std::string reader = tokenOf("enhetschef", "kalender", {"read"});
  std::string writer = tokenOf("enhetschef", "skrivare", {"write_content"});
  ASSERT_FALSE(reader.empty());
  auto by_session = get("enhetschef", "/api/v1/calendar/deadlines.ics");
  auto by_token = get("", "/api/v1/calendar/deadlines.ics?token=" + reader);
  ASSERT_EQ(by_token.result_int(), 200) << by_token.body();
  EXPECT_EQ(by_token.body(), by_session.body());

  EXPECT_EQ(get("", "/api/v1/calendar/deadlines.ics?token=" + writer).result_int(), 401);
  EXPECT_EQ(get("", "/api/v1/calendar/deadlines.ics?token=0123456789abcdef").result_int(), 401);
  EXPECT_EQ(get("", "/api/v1/calendar/deadlines.ics").result_int(), 401);
  // Only the feed takes a token in the URL.
  EXPECT_EQ(get("", "/api/v1/calendar?year=2025&token=" + reader).result_int(), 401);
}

}  // namespace
}  // namespace styr::http::test
