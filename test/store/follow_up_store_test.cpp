// The follow-up cycle in the store, on every backend: the follow-up plan, report-back versions
// and the notification outbox.

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <tuple>
#include <vector>

#include "app/store.hpp"
#include "demo/generator.hpp"
#include "store/migration.hpp"
#include "store/open_store.hpp"
#include "support/test_databases.hpp"

namespace styr {
namespace {

using domain::Assessment;
using domain::FollowUpLevel;
using domain::FollowUpOccasion;
using domain::OrganisationData;
using domain::ReportBack;
using domain::ReportBackStatus;
using domain::Topic;

domain::Date date(std::string_view text) {
  return *domain::parseDate(text);
}

// Whole records as text, so that a difference shows where it is.
std::string describe(const FollowUpOccasion& occasion) {
  std::ostringstream out;
  out << occasion.code << " " << occasion.year << " '" << occasion.name << "' "
      << domain::toString(occasion.kind) << " " << domain::toString(occasion.level) << " "
      << occasion.body << " " << domain::formatDate(occasion.period_end) << " "
      << domain::formatDate(occasion.meeting) << " " << domain::toString(occasion.status) << " r"
      << occasion.revision << " topics:";
  for (Topic topic : occasion.topics) out << " " << domain::toString(topic);
  out << " deadlines:";
  for (const auto& deadline : occasion.deadlines) {
    out << " " << domain::toString(deadline.level) << "=" << domain::formatDate(deadline.deadline);
  }
  return out.str();
}

std::string describe(const ReportBack& report_back) {
  std::ostringstream out;
  out << report_back.occasion << " [" << report_back.recipient_unit << "|"
      << report_back.recipient_person << "] v" << report_back.version << " "
      << domain::toString(report_back.status) << " r" << report_back.revision << " written "
      << report_back.written_by << "@" << report_back.updated_at << " submitted "
      << report_back.submitted_by << "@" << report_back.submitted_at << " decided "
      << report_back.decided_by << "@" << report_back.decided_at << " '"
      << report_back.return_reason << "'\n";
  for (const auto& assessment : report_back.assessments) {
    out << "  item " << assessment.item << " "
        << (assessment.assessment ? domain::toString(*assessment.assessment) : "-") << " "
        << (assessment.trend ? domain::toString(*assessment.trend) : "-") << " '"
        << assessment.analysis << "'\n";
    for (const auto& action : assessment.actions) {
      out << "    action '" << action.description << "' " << action.owner << " "
          << domain::formatDate(action.due) << " " << domain::toString(action.status) << "\n";
    }
  }
  for (const auto& topic : report_back.topics) {
    out << "  topic " << domain::toString(topic.topic) << " '" << topic.text << "'\n";
  }
  for (const auto& value : report_back.indicator_values) {
    out << "  value " << value.indicator << " " << value.unit << " "
        << domain::formatDate(value.period_end) << " " << value.value << " "
        << value.numerator.value_or(-1) << " " << value.denominator.value_or(-1) << " "
        << value.weight.value_or(-1) << "\n";
  }
  return out.str();
}

std::vector<std::string> describeAll(const std::vector<FollowUpOccasion>& occasions) {
  std::vector<std::string> lines;
  for (const auto& occasion : occasions) lines.push_back(describe(occasion));
  return lines;
}

std::vector<std::string> describeAll(const std::vector<ReportBack>& report_backs) {
  std::vector<std::string> lines;
  for (const auto& report_back : report_backs) lines.push_back(describe(report_back));
  return lines;
}

//! The stored version, or nullptr.
const ReportBack* findVersion(const std::vector<ReportBack>& report_backs,
                              const ReportBack& wanted) {
  auto found = std::find_if(report_backs.begin(), report_backs.end(), [&](const auto& candidate) {
    return candidate.occasion == wanted.occasion &&
           candidate.recipient_unit == wanted.recipient_unit &&
           candidate.recipient_person == wanted.recipient_person &&
           candidate.version == wanted.version;
  });
  return found == report_backs.end() ? nullptr : &*found;
}

//! A generated municipality with a follow-up plan and report-backs to it: a unit's returned
//! version and its revised draft, a person's submitted version, and an approved one.
OrganisationData withFollowUp(OrganisationData data) {
  auto unitOfKind = [&](domain::UnitKind kind) {
    auto found = std::find_if(data.units.begin(), data.units.end(),
                              [&](const auto& unit) { return unit.kind == kind; });
    return found != data.units.end() ? found->code : data.units.front().code;
  };
  const std::string board = unitOfKind(domain::UnitKind::executive_board);
  const std::string council = unitOfKind(domain::UnitKind::council);
  const std::string sector = unitOfKind(domain::UnitKind::sector);
  const std::string person = data.people.front().code;
  const std::string owner = data.people.back().code;
  const std::string first_item = data.items.at(0).code;
  const std::string second_item = data.items.at(1).code;
  const std::string indicator = data.indicators.front().code;

  FollowUpOccasion interim;
  interim.code = "2025-DELAR";
  interim.year = 2025;
  interim.name = "Delårsrapport januari-augusti";
  interim.kind = domain::OccasionKind::interim_report;
  interim.level = FollowUpLevel::council;
  interim.body = council;
  interim.period_end = date("2025-08-31");
  interim.meeting = date("2025-10-20");
  interim.topics = {Topic::quality_goals, Topic::finances, Topic::staff};
  interim.deadlines = {{FollowUpLevel::unit, date("2025-09-10")},
                       {FollowUpLevel::sector, date("2025-09-17")},
                       {FollowUpLevel::chief_executive, date("2025-09-24")},
                       {FollowUpLevel::executive_board, date("2025-10-01")}};
  FollowUpOccasion march;
  march.code = "2025-KS-03";
  march.year = 2025;
  march.name = "Månadsuppföljning mars";
  march.kind = domain::OccasionKind::monthly;
  march.level = FollowUpLevel::executive_board;
  march.body = board;
  march.period_end = date("2025-03-31");
  march.meeting = date("2025-04-23");
  march.topics = {Topic::operations};
  march.deadlines = {{FollowUpLevel::sector, date("2025-04-09")}};
  march.status = domain::OccasionStatus::closed;
  march.revision = 3;
  // Not in code order: the store lists occasions by code.
  data.occasions = {march, interim};

  ReportBack returned;
  returned.occasion = interim.code;
  returned.recipient_unit = sector;
  returned.version = 1;
  returned.status = ReportBackStatus::returned;
  returned.assessments = {
      {second_item,
       Assessment::partly_fulfilled,
       domain::Trend::worse,
       "Sjukfrånvaron steg under sommaren.",
       {{"Rekrytera två vikarier", owner, date("2025-11-30"), domain::ActionStatus::planned},
        {"Se över schemat", person, date("2025-10-31"), domain::ActionStatus::in_progress}}},
      {first_item, Assessment::fulfilled, domain::Trend::unchanged, "", {}}};
  returned.topics = {{Topic::staff, "Personalläget är ansträngt."},
                     {Topic::finances, "Prognos: +1,2 mnkr."}};
  returned.indicator_values = {{indicator, sector, date("2025-08-31"), 0.82, 41.0, 50.0, 50.0}};
  returned.written_by = person;
  returned.updated_at = "2025-09-09T14:02:11Z";
  returned.submitted_by = person;
  returned.submitted_at = "2025-09-09T14:05:00Z";
  returned.decided_by = owner;
  returned.decided_at = "2025-09-12T08:00:00Z";
  returned.return_reason = "Analysen av sjukfrånvaron saknar orsaker.";
  returned.revision = 3;

  ReportBack revised;
  revised.occasion = interim.code;
  revised.recipient_unit = sector;
  revised.version = 2;
  revised.assessments = {{second_item, std::nullopt, std::nullopt, "Utkast", {}}};
  revised.written_by = person;
  revised.updated_at = "2025-09-13T10:00:00Z";

  ReportBack personal;
  personal.occasion = interim.code;
  personal.recipient_person = person;
  personal.status = ReportBackStatus::submitted;
  personal.assessments = {{first_item,
                           Assessment::cannot_be_assessed,
                           domain::Trend::unchanged,
                           "Mätningen görs först i november.",
                           {}}};
  personal.topics = {{Topic::quality_goals, "Inget att tillägga."}};
  personal.written_by = person;
  personal.updated_at = "2025-09-08T09:00:00Z";
  personal.submitted_by = person;
  personal.submitted_at = "2025-09-08T09:01:00Z";
  personal.revision = 2;

  ReportBack approved;
  approved.occasion = march.code;
  approved.recipient_unit = sector;
  approved.status = ReportBackStatus::approved;
  approved.assessments = {
      {first_item,
       Assessment::not_fulfilled,
       domain::Trend::worse,
       "Budgeten räckte inte.",
       {{"Äska medel", owner, date("2025-05-31"), domain::ActionStatus::done}}}};
  approved.topics = {{Topic::operations, "Verksamheten går enligt plan."}};
  approved.indicator_values = {{indicator, sector, date("2025-03-31"), 12.0, {}, {}, {}}};
  approved.written_by = person;
  approved.updated_at = "2025-04-08T16:00:00Z";
  approved.submitted_by = person;
  approved.submitted_at = "2025-04-08T16:01:00Z";
  approved.decided_by = owner;
  approved.decided_at = "2025-04-10T09:30:00Z";
  approved.revision = 2;

  // Not in key order: the store lists report-backs by occasion, recipient and version.
  data.report_backs = {approved, revised, personal, returned};
  return data;
}

//! The order the store lists follow-up records in.
OrganisationData sortedLikeTheStore(OrganisationData data) {
  std::sort(data.occasions.begin(), data.occasions.end(),
            [](const auto& a, const auto& b) { return a.code < b.code; });
  std::sort(data.report_backs.begin(), data.report_backs.end(), [](const auto& a, const auto& b) {
    return std::tie(a.occasion, a.recipient_unit, a.recipient_person, a.version) <
           std::tie(b.occasion, b.recipient_unit, b.recipient_person, b.version);
  });
  return data;
}

app::Notification notification(std::string organisation, std::string person, std::string created_at,
                               std::string dedupe_key = "") {
  app::Notification made;
  made.organisation = std::move(organisation);
  made.person = std::move(person);
  made.kind = "deadline_reminder";
  made.subject = "Återrapportering senast 10 september";
  made.body = "Delårsrapporten ska vara inlämnad senast 10 september.";
  made.link = "/api/v1/occasions/2025-DELAR";
  made.dedupe_key = std::move(dedupe_key);
  made.created_at = std::move(created_at);
  return made;
}

app::Notification mail(std::string organisation, std::string person, std::string due_at) {
  app::Notification made = notification(std::move(organisation), std::move(person), due_at);
  made.email = "chef@example.se";
  made.email_state = app::EmailState::pending;
  made.next_attempt_at = std::move(due_at);
  return made;
}

class FollowUpStore : public ::testing::TestWithParam<test::BackendKind> {
 protected:
  void SetUp() override {
    if (GetParam() == test::BackendKind::postgres && !test::postgresConfigured()) {
      GTEST_SKIP() << "no PostgreSQL server configured (scripts/test.sh starts one)";
    }
    database_ = std::make_unique<test::TestDatabase>(
        GetParam(), ::testing::UnitTest::GetInstance()->current_test_info()->name());
    store_ = open();
  }
  void TearDown() override {
    store_.reset();
    database_.reset();
  }

  [[nodiscard]] std::unique_ptr<app::Store> open() const {
    return store::openStore(database_->db());
  }

  //! A small generated municipality, without follow-up records.
  static const OrganisationData& base() {
    static const OrganisationData data =
        demo::generateMunicipality("0999", "Provkommunen", 7, demo::DemoFollowUp::none);
    return data;
  }
  static const OrganisationData& sample() {
    static const OrganisationData data = withFollowUp(base());
    return data;
  }

  void insert(const OrganisationData& data) {
    app::Transaction transaction(*store_);
    store_->insertOrganisationData(data);
    transaction.commit();
  }

  //! Runs `write` in a transaction that is committed, returning what it returned.
  template <typename Write>
  auto committed(Write write) {
    app::Transaction transaction(*store_);
    auto result = write(*store_);
    transaction.commit();
    return result;
  }

  [[nodiscard]] ReportBack stored(const ReportBack& wanted) {
    OrganisationData loaded = store_->loadOrganisation("0999");
    const ReportBack* found = findVersion(loaded.report_backs, wanted);
    if (found == nullptr) throw std::runtime_error("no such report-back version");
    return *found;
  }

  //! The sample's (only) report-back version with this status.
  static const ReportBack& version(ReportBackStatus status) {
    for (const ReportBack& report_back : sample().report_backs) {
      if (report_back.status == status) return report_back;
    }
    throw std::logic_error("the sample has no such report-back");
  }

  std::unique_ptr<test::TestDatabase> database_;
  std::unique_ptr<app::Store> store_;
};

TEST_P(FollowUpStore, RoundTripsThePlanAndEveryReportBackVersionOfAnOrganisation) {
  insert(sample());
  OrganisationData expected = sortedLikeTheStore(sample());
  OrganisationData loaded = store_->loadOrganisation("0999");
  EXPECT_EQ(describeAll(loaded.occasions), describeAll(expected.occasions));
  EXPECT_EQ(describeAll(loaded.report_backs), describeAll(expected.report_backs));
  // Within an occasion a person's report-back (no recipient unit) comes before the units'.
  ASSERT_EQ(loaded.report_backs.size(), 4U);
  EXPECT_EQ(loaded.report_backs[0].occasion, "2025-DELAR");
  EXPECT_EQ(loaded.report_backs[0].recipient_person, sample().people.front().code);
  EXPECT_EQ(loaded.report_backs[1].version, 1);
  EXPECT_EQ(loaded.report_backs[2].version, 2);
  EXPECT_EQ(loaded.report_backs[3].occasion, "2025-KS-03");
}

TEST_P(FollowUpStore, AddsOccasionsAndReportBackVersionsToAnExistingOrganisation) {
  insert(base());
  committed([&](app::Store& store) {
    store.insertOccasions("0999", sample().occasions);
    return true;
  });
  for (const ReportBack& report_back : sample().report_backs) {
    committed([&](app::Store& store) {
      store.insertReportBack("0999", report_back);
      return true;
    });
  }
  OrganisationData expected = sortedLikeTheStore(sample());
  OrganisationData loaded = store_->loadOrganisation("0999");
  EXPECT_EQ(describeAll(loaded.occasions), describeAll(expected.occasions));
  EXPECT_EQ(describeAll(loaded.report_backs), describeAll(expected.report_backs));

  // A version written twice (two writers starting the same revision) is a duplicate.
  app::Transaction transaction(*store_);
  EXPECT_THROW(store_->insertReportBack("0999", version(ReportBackStatus::draft)),
               app::DuplicateRecord);
}

TEST_P(FollowUpStore, RefusesAReportBackToAnOccasionThatDoesNotExist) {
  insert(base());
  ReportBack stray = version(ReportBackStatus::draft);
  stray.occasion = "2025-FINNS-EJ";
  app::Transaction transaction(*store_);
  store_->insertReportBack("0999", stray);
  EXPECT_THROW(transaction.commit(), store::StoreError);
}

TEST_P(FollowUpStore, UpdatesAnOccasionOnlyAtTheRevisionItWasReadAt) {
  insert(sample());
  FollowUpOccasion read = store_->loadOrganisation("0999").occasions.front();
  ASSERT_EQ(read.code, "2025-DELAR");
  FollowUpOccasion changed = read;
  changed.meeting = date("2025-10-27");
  changed.topics = {Topic::finances, Topic::internal_control};
  changed.deadlines = {{FollowUpLevel::sector, date("2025-09-19")},
                       {FollowUpLevel::executive_board, date("2025-10-08")}};
  changed.status = domain::OccasionStatus::closed;
  EXPECT_TRUE(committed([&](app::Store& store) { return store.updateOccasion("0999", changed); }));

  FollowUpOccasion expected = changed;
  expected.revision = read.revision + 1;
  FollowUpOccasion now = store_->loadOrganisation("0999").occasions.front();
  EXPECT_EQ(describe(now), describe(expected));

  // Someone saving what they read before the change loses, and changes nothing.
  FollowUpOccasion stale = read;
  stale.name = "Stale";
  stale.deadlines.clear();
  EXPECT_FALSE(committed([&](app::Store& store) { return store.updateOccasion("0999", stale); }));
  EXPECT_EQ(describe(store_->loadOrganisation("0999").occasions.front()), describe(expected));

  FollowUpOccasion missing = now;
  missing.code = "2025-FINNS-EJ";
  EXPECT_FALSE(committed([&](app::Store& store) { return store.updateOccasion("0999", missing); }));
}

TEST_P(FollowUpStore, SavesADraftAtItsRevisionAndSubmittingFreezesIt) {
  insert(sample());
  ReportBack draft = stored(version(ReportBackStatus::draft));
  ReportBack saved = sample().report_backs.back();  // the returned version's content
  saved.occasion = draft.occasion;
  saved.recipient_unit = draft.recipient_unit;
  saved.version = draft.version;
  saved.status = ReportBackStatus::draft;
  saved.submitted_by.clear();
  saved.submitted_at.clear();
  saved.decided_by.clear();
  saved.decided_at.clear();
  saved.return_reason.clear();
  saved.updated_at = "2025-09-14T11:00:00Z";
  saved.revision = draft.revision;
  EXPECT_TRUE(committed([&](app::Store& store) { return store.updateReportBack("0999", saved); }));
  ReportBack expected = saved;
  expected.revision = draft.revision + 1;
  EXPECT_EQ(describe(stored(draft)), describe(expected));

  // A save based on the version before the last one is refused and changes nothing.
  ReportBack stale = draft;
  stale.assessments.clear();
  EXPECT_FALSE(committed([&](app::Store& store) { return store.updateReportBack("0999", stale); }));
  EXPECT_EQ(describe(stored(draft)), describe(expected));

  // Submitting is the last save.
  ReportBack submitted = expected;
  submitted.status = ReportBackStatus::submitted;
  submitted.submitted_by = submitted.written_by;
  submitted.submitted_at = "2025-09-14T11:05:00Z";
  submitted.topics.push_back({Topic::quality_goals, "Målen nås i stort."});
  EXPECT_TRUE(
      committed([&](app::Store& store) { return store.updateReportBack("0999", submitted); }));
  ReportBack frozen = submitted;
  frozen.revision = expected.revision + 1;
  EXPECT_EQ(describe(stored(draft)), describe(frozen));

  // After it nothing changes it, at its revision or as a draft again.
  for (ReportBackStatus status : {ReportBackStatus::submitted, ReportBackStatus::draft}) {
    ReportBack edit = frozen;
    edit.status = status;
    edit.assessments.front().analysis = "Ändrad i efterhand";
    edit.topics.clear();
    EXPECT_FALSE(committed([&](app::Store& store) { return store.updateReportBack("0999", edit); }))
        << domain::toString(status);
  }
  EXPECT_EQ(describe(stored(draft)), describe(frozen));
}

TEST_P(FollowUpStore, DecidesOnlyASubmittedVersionAndKeepsWhatWasSubmitted) {
  insert(sample());
  ReportBack draft = stored(version(ReportBackStatus::draft));
  ReportBack premature = draft;
  premature.status = ReportBackStatus::approved;
  premature.decided_by = "someone";
  EXPECT_FALSE(
      committed([&](app::Store& store) { return store.decideReportBack("0999", premature); }));
  EXPECT_EQ(describe(stored(draft)), describe(draft));

  ReportBack submitted = stored(version(ReportBackStatus::submitted));
  ReportBack decision = submitted;
  decision.status = ReportBackStatus::returned;
  decision.decided_by = sample().people.back().code;
  decision.decided_at = "2025-09-11T07:45:00Z";
  decision.return_reason = "Analysen saknas.";
  // A decision carries no content: whatever it holds, the submitted content stays.
  decision.assessments.clear();
  decision.topics = {{Topic::staff, "Något annat"}};
  decision.written_by = "someone else";
  EXPECT_TRUE(
      committed([&](app::Store& store) { return store.decideReportBack("0999", decision); }));
  ReportBack expected = submitted;
  expected.status = ReportBackStatus::returned;
  expected.decided_by = decision.decided_by;
  expected.decided_at = decision.decided_at;
  expected.return_reason = decision.return_reason;
  expected.revision = submitted.revision + 1;
  EXPECT_EQ(describe(stored(submitted)), describe(expected));

  // Returned is final for this version: it is revised as a new version.
  ReportBack again = expected;
  again.status = ReportBackStatus::approved;
  EXPECT_FALSE(committed([&](app::Store& store) { return store.decideReportBack("0999", again); }));
  EXPECT_EQ(describe(stored(submitted)), describe(expected));
}

TEST_P(FollowUpStore, TheDatabaseItselfKeepsSubmittedContent) {
  insert(sample());
  store_.reset();
  // Behind the application's back, as a script or a console session would.
  const ReportBack& submitted = version(ReportBackStatus::submitted);
  const std::string person = submitted.recipient_person;
  const std::vector<std::string> changes = {
      "UPDATE report_back_assessments SET analysis = 'Ändrad' WHERE recipient_person = '" + person +
          "'",
      "DELETE FROM report_back_assessments WHERE recipient_person = '" + person + "'",
      "UPDATE report_back_topics SET text = 'Ändrad' WHERE recipient_person = '" + person + "'",
      "DELETE FROM report_back_values WHERE version = 1 AND recipient_unit <> ''",
      "DELETE FROM report_back_actions",
      "INSERT INTO report_back_topics (organisation, occasion, recipient_unit, "
      "recipient_person, version, topic, position, text) VALUES ('0999', '2025-DELAR', '', "
      "'" +
          person + "', 1, 'staff', 5, 'Tillagd')",
      "UPDATE report_backs SET submitted_at = '2025-09-30T00:00:00Z' WHERE status = "
      "'submitted'",
      "UPDATE report_backs SET status = 'draft' WHERE status = 'submitted'",
      "UPDATE report_backs SET return_reason = 'Annan' WHERE status = 'returned'",
      "UPDATE report_backs SET status = 'submitted' WHERE status = 'approved'",
      "DELETE FROM report_backs WHERE status = 'approved'",
  };
  for (const std::string& change : changes) {
    EXPECT_THROW(database_->execute(change), std::runtime_error) << change;
  }
  // A draft is the recipient's to change, and a submitted version's decision is recorded.
  EXPECT_NO_THROW(database_->execute(
      "UPDATE report_back_assessments SET analysis = 'Nytt utkast' WHERE version = 2"));
  EXPECT_NO_THROW(database_->execute(
      "UPDATE report_backs SET status = 'approved', decided_by = 'x' WHERE status = 'submitted'"));

  store_ = open();
  OrganisationData expected = sortedLikeTheStore(sample());
  OrganisationData loaded = store_->loadOrganisation("0999");
  ASSERT_EQ(loaded.report_backs.size(), expected.report_backs.size());
  for (std::size_t i = 0; i < expected.report_backs.size(); ++i) {
    ReportBack& wanted = expected.report_backs[i];
    if (wanted.version == 2) wanted.assessments.front().analysis = "Nytt utkast";
    if (wanted.status == ReportBackStatus::submitted) {
      wanted.status = ReportBackStatus::approved;
      wanted.decided_by = "x";
    }
    EXPECT_EQ(describe(loaded.report_backs[i]), describe(wanted));
  }
}

TEST_P(FollowUpStore, KeepsOrganisationsApart) {
  insert(sample());
  OrganisationData neighbour = withFollowUp(demo::generateMunicipality("0998", "Grannkommunen", 3));
  insert(neighbour);

  OrganisationData ours = store_->loadOrganisation("0999");
  OrganisationData theirs = store_->loadOrganisation("0998");
  EXPECT_EQ(describeAll(ours.report_backs), describeAll(sortedLikeTheStore(sample()).report_backs));
  EXPECT_EQ(describeAll(theirs.report_backs),
            describeAll(sortedLikeTheStore(neighbour).report_backs));

  // The same occasion code in both: changing ours leaves theirs.
  FollowUpOccasion changed = ours.occasions.front();
  changed.name = "Vår delårsrapport";
  EXPECT_TRUE(committed([&](app::Store& store) { return store.updateOccasion("0999", changed); }));
  EXPECT_EQ(describeAll(store_->loadOrganisation("0998").occasions),
            describeAll(sortedLikeTheStore(neighbour).occasions));

  // Deciding our submitted version leaves every version of theirs as it was.
  ReportBack decision = *findVersion(ours.report_backs, version(ReportBackStatus::submitted));
  decision.status = ReportBackStatus::approved;
  EXPECT_TRUE(
      committed([&](app::Store& store) { return store.decideReportBack("0999", decision); }));
  EXPECT_EQ(describeAll(store_->loadOrganisation("0998").report_backs),
            describeAll(sortedLikeTheStore(neighbour).report_backs));

  // Notifications: one organisation's are not another's.
  const std::string person = sample().people.front().code;
  auto id = committed([&](app::Store& store) {
    return store.insertNotification(notification("0999", person, "2025-09-05T06:00:00Z", "k"));
  });
  ASSERT_TRUE(id);
  // The same dedupe key is a different reminder in another organisation.
  const std::string their_person = neighbour.people.front().code;
  EXPECT_TRUE(committed([&](app::Store& store) {
    return store.insertNotification(
        notification("0998", their_person, "2025-09-05T06:00:00Z", "k"));
  }));
  auto our_list = store_->notificationsOf("0999", person, false, 10);
  auto their_list = store_->notificationsOf("0998", their_person, false, 10);
  ASSERT_EQ(our_list.size(), 1U);
  ASSERT_EQ(their_list.size(), 1U);
  EXPECT_EQ(our_list.front().organisation, "0999");
  EXPECT_EQ(their_list.front().organisation, "0998");
  EXPECT_FALSE(committed(
      [&](app::Store& store) { return store.markNotificationRead("0998", person, *id, "now"); }));
  EXPECT_EQ(store_->notificationsOf("0999", person, true, 10).size(), 1U);
}

TEST_P(FollowUpStore, WritesAReminderOnceAndListsAPersonsNotificationsNewestFirst) {
  insert(sample());
  const std::string anna = sample().people.front().code;
  const std::string bo = sample().people.back().code;
  ASSERT_NE(anna, bo);
  auto first = committed([&](app::Store& store) {
    return store.insertNotification(
        notification("0999", anna, "2025-09-03T06:00:00Z", "reminder/2025-DELAR/unit/5"));
  });
  ASSERT_TRUE(first);
  // The sweep runs again: the same reminder is not written twice.
  EXPECT_FALSE(committed([&](app::Store& store) {
    return store.insertNotification(
        notification("0999", anna, "2025-09-03T07:00:00Z", "reminder/2025-DELAR/unit/5"));
  }));
  // Without a dedupe key every notification is written.
  auto second = committed([&](app::Store& store) {
    return store.insertNotification(notification("0999", anna, "2025-09-09T06:00:00Z"));
  });
  auto third = committed([&](app::Store& store) {
    return store.insertNotification(notification("0999", anna, "2025-09-10T06:00:00Z"));
  });
  auto bos = committed([&](app::Store& store) {
    return store.insertNotification(notification("0999", bo, "2025-09-10T06:00:00Z"));
  });
  ASSERT_TRUE(second && third && bos);
  EXPECT_EQ(std::set<std::int64_t>({*first, *second, *third, *bos}).size(), 4U);

  auto ids = [](const std::vector<app::Notification>& notifications) {
    std::vector<std::int64_t> result;
    for (const auto& notification : notifications) result.push_back(notification.id);
    return result;
  };
  EXPECT_EQ(ids(store_->notificationsOf("0999", anna, false, 10)),
            (std::vector<std::int64_t>{*third, *second, *first}));
  EXPECT_EQ(ids(store_->notificationsOf("0999", anna, false, 2)),
            (std::vector<std::int64_t>{*third, *second}));
  app::Notification listed = store_->notificationsOf("0999", anna, false, 10).back();
  EXPECT_EQ(listed.organisation, "0999");
  EXPECT_EQ(listed.person, anna);
  EXPECT_EQ(listed.kind, "deadline_reminder");
  EXPECT_EQ(listed.subject, "Återrapportering senast 10 september");
  EXPECT_EQ(listed.link, "/api/v1/occasions/2025-DELAR");
  EXPECT_EQ(listed.dedupe_key, "reminder/2025-DELAR/unit/5");
  EXPECT_EQ(listed.created_at, "2025-09-03T06:00:00Z");
  EXPECT_EQ(listed.read_at, "");
  EXPECT_EQ(listed.email_state, app::EmailState::none);

  // Bo cannot mark Anna's notification read, nor can anyone mark one that does not exist.
  EXPECT_FALSE(committed([&](app::Store& store) {
    return store.markNotificationRead("0999", bo, *second, "2025-09-10T08:00:00Z");
  }));
  EXPECT_FALSE(committed([&](app::Store& store) {
    return store.markNotificationRead("0999", anna, *bos + 1000, "2025-09-10T08:00:00Z");
  }));
  EXPECT_EQ(store_->notificationsOf("0999", anna, true, 10).size(), 3U);

  EXPECT_TRUE(committed([&](app::Store& store) {
    return store.markNotificationRead("0999", anna, *second, "2025-09-10T08:00:00Z");
  }));
  // Read again later: it was read when it was first read.
  EXPECT_TRUE(committed([&](app::Store& store) {
    return store.markNotificationRead("0999", anna, *second, "2025-09-11T08:00:00Z");
  }));
  EXPECT_EQ(ids(store_->notificationsOf("0999", anna, true, 10)),
            (std::vector<std::int64_t>{*third, *first}));
  auto all = store_->notificationsOf("0999", anna, false, 10);
  EXPECT_EQ(all[1].read_at, "2025-09-10T08:00:00Z");
  EXPECT_EQ(ids(store_->notificationsOf("0999", bo, true, 10)), (std::vector<std::int64_t>{*bos}));
}

TEST_P(FollowUpStore, ClaimsEachDueMailOnceAndCountsTheAttempts) {
  insert(sample());
  const std::string anna = sample().people.front().code;
  auto add = [&](const app::Notification& notification) {
    return *committed([&](app::Store& store) { return store.insertNotification(notification); });
  };
  std::int64_t due_early = add(mail("0999", anna, "2025-09-03T06:00:00Z"));
  std::int64_t due_now = add(mail("0999", anna, "2025-09-03T07:00:00Z"));
  std::int64_t due_later = add(mail("0999", anna, "2025-09-03T09:00:00Z"));
  app::Notification in_app = notification("0999", anna, "2025-09-03T05:00:00Z");
  add(in_app);
  app::Notification sent = mail("0999", anna, "2025-09-03T05:00:00Z");
  sent.email_state = app::EmailState::sent;
  add(sent);

  auto ids = [](const std::vector<app::Notification>& notifications) {
    std::vector<std::int64_t> result;
    for (const auto& notification : notifications) result.push_back(notification.id);
    return result;
  };
  auto claimed = store_->claimDueEmails("2025-09-03T07:00:00Z", "2025-09-03T07:05:00Z", 10);
  EXPECT_EQ(ids(claimed), (std::vector<std::int64_t>{due_early, due_now}));
  for (const auto& mail : claimed) {
    EXPECT_EQ(mail.attempts, 1);
    EXPECT_EQ(mail.next_attempt_at, "2025-09-03T07:05:00Z");
    EXPECT_EQ(mail.email, "chef@example.se");
    EXPECT_EQ(mail.email_state, app::EmailState::pending);
  }
  // Another delivery loop, before the lease ends, gets none of them.
  auto other = open();
  EXPECT_TRUE(other->claimDueEmails("2025-09-03T07:01:00Z", "2025-09-03T07:06:00Z", 10).empty());

  // The first is sent; the second failed and is retried later; the third comes due.
  app::Notification delivered = claimed[0];
  delivered.email_state = app::EmailState::sent;
  delivered.sent_at = "2025-09-03T07:00:02Z";
  delivered.next_attempt_at.clear();
  store_->recordEmailOutcome(delivered);
  app::Notification retry = claimed[1];
  retry.last_error = "451 try again later";
  retry.next_attempt_at = "2025-09-03T08:00:00Z";
  store_->recordEmailOutcome(retry);

  auto limited = store_->claimDueEmails("2025-09-03T10:00:00Z", "2025-09-03T10:05:00Z", 1);
  EXPECT_EQ(ids(limited), (std::vector<std::int64_t>{due_now}));
  ASSERT_EQ(limited.size(), 1U);
  EXPECT_EQ(limited[0].attempts, 2);
  EXPECT_EQ(limited[0].last_error, "451 try again later");
  EXPECT_EQ(ids(store_->claimDueEmails("2025-09-03T10:00:00Z", "2025-09-03T10:05:00Z", 10)),
            (std::vector<std::int64_t>{due_later}));

  app::Notification failed = limited[0];
  failed.email_state = app::EmailState::failed;
  failed.next_attempt_at.clear();
  failed.last_error = "550 no such mailbox";
  store_->recordEmailOutcome(failed);
  // Long after every lease: only what is still pending comes back.
  EXPECT_EQ(ids(store_->claimDueEmails("2025-09-04T00:00:00Z", "2025-09-04T00:05:00Z", 10)),
            (std::vector<std::int64_t>{due_later}));

  auto listed = store_->notificationsOf("0999", anna, false, 10);
  auto find = [&](std::int64_t id) {
    return *std::find_if(listed.begin(), listed.end(), [&](const auto& n) { return n.id == id; });
  };
  EXPECT_EQ(find(due_early).email_state, app::EmailState::sent);
  EXPECT_EQ(find(due_early).sent_at, "2025-09-03T07:00:02Z");
  EXPECT_EQ(find(due_early).attempts, 1);
  EXPECT_EQ(find(due_now).email_state, app::EmailState::failed);
  EXPECT_EQ(find(due_now).last_error, "550 no such mailbox");
  EXPECT_EQ(find(due_now).attempts, 2);
  EXPECT_EQ(find(due_later).attempts, 2);
}

TEST_P(FollowUpStore, TwoDeliveryLoopsNeverClaimTheSameMail) {
  insert(sample());
  OrganisationData neighbour = demo::generateMunicipality("0998", "Grannkommunen", 3);
  insert(neighbour);
  constexpr int kMails = 40;
  {
    app::Transaction transaction(*store_);
    for (int i = 0; i < kMails; ++i) {
      // Both organisations: one delivery loop serves the database.
      bool ours = i % 2 == 0;
      store_->insertNotification(
          mail(ours ? "0999" : "0998",
               ours ? sample().people.front().code : neighbour.people.front().code,
               "2025-09-03T06:00:00Z"));
    }
    transaction.commit();
  }
  std::vector<std::int64_t> first_claims;
  std::vector<std::int64_t> second_claims;
  auto deliver = [&](std::vector<std::int64_t>& claims) {
    auto store = open();
    while (true) {
      auto claimed = store->claimDueEmails("2025-09-03T07:00:00Z", "2025-09-03T07:05:00Z", 3);
      if (claimed.empty()) return;
      for (const auto& mail : claimed) claims.push_back(mail.id);
    }
  };
  std::thread first(deliver, std::ref(first_claims));
  std::thread second(deliver, std::ref(second_claims));
  first.join();
  second.join();
  std::multiset<std::int64_t> all(first_claims.begin(), first_claims.end());
  all.insert(second_claims.begin(), second_claims.end());
  EXPECT_EQ(all.size(), static_cast<std::size_t>(kMails));
  EXPECT_EQ(std::set<std::int64_t>(all.begin(), all.end()).size(), all.size())
      << "a mail was claimed twice";
}

TEST_P(FollowUpStore, CountsOccasionsAndReportBackVersionsByStatus) {
  insert(sample());
  std::map<std::string, std::int64_t> counted;
  for (const auto& row : store_->counts("0999")) {
    counted[row.category + "/" + row.key] = row.count;
  }
  EXPECT_EQ(counted["occasions/"], 2);
  EXPECT_EQ(counted["report_backs_by_status/draft"], 1);
  EXPECT_EQ(counted["report_backs_by_status/submitted"], 1);
  EXPECT_EQ(counted["report_backs_by_status/returned"], 1);
  EXPECT_EQ(counted["report_backs_by_status/approved"], 1);
}

TEST_P(FollowUpStore, MigratesAVersionTwoDatabaseAndKeepsItsData) {
  // A database as the accounts release left it, with an organisation in it.
  store_.reset();
  database_ = std::make_unique<test::TestDatabase>(GetParam(), "second_schema");
  const auto& migrations = GetParam() == test::BackendKind::sqlite ? store::sqliteMigrations()
                                                                   : store::postgresMigrations();
  ASSERT_GE(migrations.size(), 3U);
  ASSERT_EQ(migrations[2].version, 3);
  database_->execute(
      "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL)");
  for (int i = 0; i < 2; ++i) {
    database_->execute(std::string(migrations[static_cast<std::size_t>(i)].sql));
    database_->execute("INSERT INTO schema_migrations (version, name) VALUES (" +
                       std::to_string(i + 1) + ", 'earlier')");
  }
  database_->execute(
      "INSERT INTO organisations (code, name, kind) VALUES ('0999', 'Provkommunen', "
      "'municipality');"
      "INSERT INTO units (organisation, code, name, kind, parent, valid_from, valid_to) VALUES "
      "('0999', 'KS', 'Kommunstyrelsen', 'executive_board', NULL, '2023-01-01', NULL);"
      "INSERT INTO people (organisation, code, given_name, family_name, email) VALUES "
      "('0999', 'P1', 'Anna', 'Berg', 'anna@example.se')");

  EXPECT_THROW(open(), store::StoreError);
  {
    auto migrated = store::openStore(database_->db(), store::SchemaPolicy::migrate);
    EXPECT_EQ(migrated->schemaVersion(), migrations.back().version);
  }
  store_ = open();
  OrganisationData kept = store_->loadOrganisation("0999");
  ASSERT_EQ(kept.units.size(), 1U);
  EXPECT_EQ(kept.units.front().code, "KS");
  EXPECT_TRUE(kept.occasions.empty());

  FollowUpOccasion occasion = sample().occasions.back();
  occasion.body = "KS";
  committed([&](app::Store& store) {
    store.insertOccasions("0999", {occasion});
    return true;
  });
  EXPECT_TRUE(committed([&](app::Store& store) {
    return store.insertNotification(notification("0999", "P1", "2025-09-03T06:00:00Z"));
  }));
  OrganisationData now = store_->loadOrganisation("0999");
  ASSERT_EQ(now.occasions.size(), 1U);
  EXPECT_EQ(describe(now.occasions.front()), describe(occasion));
  EXPECT_EQ(store_->notificationsOf("0999", "P1", true, 10).size(), 1U);
}

INSTANTIATE_TEST_SUITE_P(Backends, FollowUpStore, ::testing::ValuesIn(test::allBackends()),
                         [](const auto& info) { return test::toString(info.param); });

}  // namespace
}  // namespace styr
