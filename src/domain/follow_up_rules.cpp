#include "domain/follow_up_rules.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "domain/chain_index.hpp"

namespace styr::domain {

namespace {

std::string at(std::string_view collection, std::size_t index, std::string_view field) {
  return fmt::format("{}[{}].{}", collection, index, field);
}

std::string yearsText(const std::vector<FiscalYear>& years) {
  std::vector<int> listed;
  listed.reserve(years.size());
  for (const FiscalYear& year : years) listed.push_back(year.year);
  std::sort(listed.begin(), listed.end());
  std::string text;
  for (int year : listed) {
    if (!text.empty()) text += ", ";
    text += std::to_string(year);
  }
  return text;
}

// "an approved", "a returned": a status as it reads in a sentence.
std::string withArticle(std::string_view name) {
  const bool vowel =
      !name.empty() && std::string_view("aeiou").find(name.front()) != std::string_view::npos;
  return fmt::format("{} {}", vowel ? "an" : "a", name);
}

std::string topicsText(const std::vector<Topic>& topics) {
  if (topics.empty()) return "none";
  std::string text;
  for (Topic topic : topics) {
    if (!text.empty()) text += ", ";
    text += toString(topic);
  }
  return text;
}

// Which values of a small enum have been seen, without allocating per record.
template <typename Enum, std::size_t Size>
class EnumSet {
 public:
  //! False when `value` was there already.
  bool insert(Enum value) {
    auto& slot = seen_.at(static_cast<std::size_t>(value));
    const bool fresh = !slot;
    slot = true;
    return fresh;
  }
  [[nodiscard]] bool contains(Enum value) const {
    return seen_.at(static_cast<std::size_t>(value));
  }

 private:
  std::array<bool, Size> seen_{};
};

using TopicSet = EnumSet<Topic, 5>;
using LevelSet = EnumSet<FollowUpLevel, 6>;

// Levels are declared from the council down, so a lower level has a larger value.
bool isBelowLevel(FollowUpLevel lower, FollowUpLevel higher) {
  return static_cast<int>(lower) > static_cast<int>(higher);
}

class FollowUpChecker {
 public:
  FollowUpChecker(const OrganisationData& data, const ChainIndex& index,
                  std::vector<Violation>& violations)
      : data_(data), index_(index), violations_(violations) {}

  void run() {
    checkOccasions();
    checkReportBacks();
  }

 private:
  // One problem found in a first pass over the report-backs, reported with its record.
  struct Finding {
    std::string field;
    std::string message;
  };

  void integrity(std::string path, std::string record, std::string message) {
    violations_.push_back({"integrity", std::move(path), std::move(record), std::move(message)});
  }

  void checkOccasions() {
    std::unordered_set<int> years;
    for (const FiscalYear& year : data_.years) years.insert(year.year);
    for (std::size_t occasion_idx = 0; occasion_idx < data_.occasions.size(); ++occasion_idx) {
      const FollowUpOccasion& occasion = data_.occasions[occasion_idx];
      const std::string record = "occasion " + occasion.code;
      auto report = [&](std::string_view field, std::string message) {
        integrity(at("occasions", occasion_idx, field), record, std::move(message));
      };
      if (occasion.code.empty()) {
        integrity(at("occasions", occasion_idx, "code"),
                  fmt::format("occasion #{}", occasion_idx + 1),
                  "the code is empty; every occasion needs a code unique in its organisation");
        continue;
      }
      if (!occasions_.emplace(occasion.code, &occasion).second) {
        report("code", fmt::format("the code {} is used by more than one occasion", occasion.code));
        continue;
      }
      if (occasion.name.empty()) {
        report("name",
               "the occasion has no name; items name the follow-ups they are assessed at by it");
      }
      // An organisation that lists no fiscal years has not set up its calendar yet; its plan
      // is checked on its own dates.
      if (!years.empty() && years.count(occasion.year) == 0) {
        report("year", fmt::format("the year {} is not one of the organisation's years ({})",
                                   occasion.year, yearsText(data_.years)));
      }
      if (occasion.body.empty()) {
        report("body",
               "the occasion names no meeting body; give the unit code of the body "
               "whose meeting it serves");
      } else if (index_.unit(occasion.body) == nullptr) {
        report("body", fmt::format("the meeting body {} is not a unit", occasion.body));
      }
      if (static_cast<int>(occasion.period_end.year()) != occasion.year) {
        report("period_end",
               fmt::format("the period ends on {}, outside the occasion's year {}; a period runs "
                           "from 1 January of its year",
                           formatDate(occasion.period_end), occasion.year));
      }
      if (!(occasion.period_end < occasion.meeting)) {
        report("meeting",
               fmt::format("the meeting on {} is not after the period's end on {}; a meeting "
                           "follows up a period that is over",
                           formatDate(occasion.meeting), formatDate(occasion.period_end)));
      }
      checkDeadlines(occasion, occasion_idx, record);
      TopicSet topics;
      for (std::size_t topic_idx = 0; topic_idx < occasion.topics.size(); ++topic_idx) {
        if (!topics.insert(occasion.topics[topic_idx])) {
          integrity(fmt::format("occasions[{}].topics[{}]", occasion_idx, topic_idx), record,
                    fmt::format("the topic {} is listed more than once",
                                toString(occasion.topics[topic_idx])));
        }
      }
    }
  }

  void checkDeadlines(const FollowUpOccasion& occasion, std::size_t occasion_idx,
                      const std::string& record) {
    LevelSet levels;
    const LevelDeadline* previous = nullptr;
    for (std::size_t deadline_idx = 0; deadline_idx < occasion.deadlines.size(); ++deadline_idx) {
      const LevelDeadline& deadline = occasion.deadlines[deadline_idx];
      const std::string path =
          fmt::format("occasions[{}].deadlines[{}]", occasion_idx, deadline_idx);
      const std::string_view level = toString(deadline.level);
      if (!levels.insert(deadline.level)) {
        integrity(path + ".level", record,
                  fmt::format("the level {} has more than one deadline", level));
      } else if (previous != nullptr && !isBelowLevel(previous->level, deadline.level)) {
        integrity(path + ".level", record,
                  fmt::format("deadlines are listed from the lowest level up, so {} must come "
                              "before {}",
                              level, toString(previous->level)));
      }
      if (!(occasion.period_end < deadline.deadline)) {
        integrity(
            path + ".deadline", record,
            fmt::format("the {} deadline {} is not after the period's end on {}; the "
                        "input reports on a period that is over",
                        level, formatDate(deadline.deadline), formatDate(occasion.period_end)));
      }
      if (occasion.meeting < deadline.deadline) {
        integrity(path + ".deadline", record,
                  fmt::format("the {} deadline {} is after the meeting on {}; the input must "
                              "be in by the meeting",
                              level, formatDate(deadline.deadline), formatDate(occasion.meeting)));
      }
      previous = &deadline;
    }
  }

  //! The version rules, which look at every version of one recipient's report-back to one
  //! occasion together: numbered 1..n without gaps, and each but the last returned.
  std::vector<std::vector<Finding>> versionFindings() const {
    const auto& report_backs = data_.report_backs;
    std::vector<std::vector<Finding>> findings(report_backs.size());
    std::unordered_map<std::string, std::vector<std::size_t>> series;
    for (std::size_t report_idx = 0; report_idx < report_backs.size(); ++report_idx) {
      const ReportBack& report_back = report_backs[report_idx];
      std::string key = report_back.occasion;
      key += '\x1f';
      key += report_back.recipient_unit;
      key += '\x1f';
      key += report_back.recipient_person;
      series[std::move(key)].push_back(report_idx);
    }
    for (auto& [key, members] : series) {
      std::stable_sort(members.begin(), members.end(), [&](std::size_t left, std::size_t right) {
        return report_backs[left].version < report_backs[right].version;
      });
      const int last = report_backs[members.back()].version;
      int expected = 1;
      for (std::size_t member_idx = 0; member_idx < members.size(); ++member_idx) {
        const std::size_t report_idx = members[member_idx];
        const ReportBack& report_back = report_backs[report_idx];
        const int version = report_back.version;
        if (version < 1) {
          findings[report_idx].push_back(
              {"version",
               fmt::format("version {} is not a version: versions are numbered from 1", version)});
        } else if (member_idx > 0 && report_backs[members[member_idx - 1]].version == version) {
          findings[report_idx].push_back(
              {"version", fmt::format("version {} of this recipient's report-back to {} is "
                                      "listed more than once",
                                      version, report_back.occasion)});
        } else {
          if (version > expected) {
            findings[report_idx].push_back(
                {"version",
                 fmt::format("{} missing before version {}; the versions of a report-back are "
                             "numbered 1, 2, 3 ... without gaps",
                             expected + 1 == version
                                 ? fmt::format("version {} is", expected)
                                 : fmt::format("versions {} to {} are", expected, version - 1),
                             version)});
          }
          expected = version + 1;
        }
        if (version < last && report_back.status != ReportBackStatus::returned) {
          findings[report_idx].push_back(
              {"status", fmt::format("version {} is {}, but version {} follows it; only a "
                                     "returned version is revised as a new one",
                                     version, toString(report_back.status), last)});
        }
      }
    }
    return findings;
  }

  void checkReportBacks() {
    std::vector<std::vector<Finding>> findings = versionFindings();
    std::unordered_set<std::string_view> assessed;
    for (std::size_t report_idx = 0; report_idx < data_.report_backs.size(); ++report_idx) {
      const ReportBack& report_back = data_.report_backs[report_idx];
      const std::string& recipient = report_back.recipient_unit.empty()
                                         ? report_back.recipient_person
                                         : report_back.recipient_unit;
      const std::string record = fmt::format(
          "report-back {}to {} version {}", recipient.empty() ? "" : "of " + recipient + " ",
          report_back.occasion.empty() ? "no occasion" : report_back.occasion, report_back.version);
      auto report = [&](std::string_view field, std::string message) {
        integrity(at("report_backs", report_idx, field), record, std::move(message));
      };

      const FollowUpOccasion* occasion = nullptr;
      if (report_back.occasion.empty()) {
        report("occasion", "the report-back names no occasion");
      } else if (auto found = occasions_.find(report_back.occasion); found != occasions_.end()) {
        occasion = found->second;
      } else {
        report("occasion", fmt::format("the occasion {} does not exist", report_back.occasion));
      }
      checkRecipient(report_back, report);
      for (Finding& finding : findings[report_idx]) {
        report(finding.field, std::move(finding.message));
      }

      assessed.clear();
      for (std::size_t assessment_idx = 0; assessment_idx < report_back.assessments.size();
           ++assessment_idx) {
        const ItemAssessment& assessment = report_back.assessments[assessment_idx];
        const std::string path =
            fmt::format("report_backs[{}].assessments[{}]", report_idx, assessment_idx);
        if (assessment.item.empty()) {
          integrity(path + ".item", record, "the assessment names no item");
        } else if (!assessed.insert(assessment.item).second) {
          integrity(path + ".item", record,
                    fmt::format("the item {} is assessed more than once in this version",
                                assessment.item));
        } else if (index_.item(assessment.item) == nullptr) {
          integrity(path + ".item", record,
                    fmt::format("the item {} does not exist", assessment.item));
        }
        for (std::size_t action_idx = 0; action_idx < assessment.actions.size(); ++action_idx) {
          const std::string& owner = assessment.actions[action_idx].owner;
          // A draft may leave the owner to be decided; submitting requires one.
          if (!owner.empty() && index_.person(owner) == nullptr) {
            integrity(
                fmt::format("{}.actions[{}].owner", path, action_idx), record,
                fmt::format("the action's owner {} is not a person of the organisation", owner));
          }
        }
      }

      checkTopics(report_back, report_idx, record, occasion);
      checkIndicatorValues(report_back, report_idx, record, occasion);
      checkWorkflow(report_back, report);
    }
  }

  template <typename Report>
  void checkRecipient(const ReportBack& report_back, Report& report) {
    const bool to_unit = !report_back.recipient_unit.empty();
    const bool to_person = !report_back.recipient_person.empty();
    if (!to_unit && !to_person) {
      report("recipient_unit",
             "a report-back has exactly one recipient, a unit or a person, and this one names "
             "neither");
    } else if (to_unit && to_person) {
      report("recipient_person",
             "a report-back has exactly one recipient: a unit or a person, not both");
    } else if (to_unit && index_.unit(report_back.recipient_unit) == nullptr) {
      report("recipient_unit",
             fmt::format("the recipient unit {} does not exist", report_back.recipient_unit));
    } else if (to_person && index_.person(report_back.recipient_person) == nullptr) {
      report("recipient_person",
             fmt::format("the recipient person {} does not exist", report_back.recipient_person));
    }
  }

  void checkTopics(const ReportBack& report_back, std::size_t report_idx, const std::string& record,
                   const FollowUpOccasion* occasion) {
    TopicSet taken_up;
    if (occasion != nullptr) {
      for (Topic topic : occasion->topics) taken_up.insert(topic);
    }
    TopicSet written;
    for (std::size_t topic_idx = 0; topic_idx < report_back.topics.size(); ++topic_idx) {
      const Topic topic = report_back.topics[topic_idx].topic;
      const std::string path =
          fmt::format("report_backs[{}].topics[{}].topic", report_idx, topic_idx);
      if (!written.insert(topic)) {
        integrity(
            path, record,
            fmt::format("the topic {} has more than one text in this version", toString(topic)));
      } else if (occasion != nullptr && !taken_up.contains(topic)) {
        integrity(path, record,
                  fmt::format("the occasion {} does not take up {}; its topics are: {}",
                              occasion->code, toString(topic), topicsText(occasion->topics)));
      }
    }
  }

  void checkIndicatorValues(const ReportBack& report_back, std::size_t report_idx,
                            const std::string& record, const FollowUpOccasion* occasion) {
    for (std::size_t value_idx = 0; value_idx < report_back.indicator_values.size(); ++value_idx) {
      const IndicatorValue& value = report_back.indicator_values[value_idx];
      const std::string path =
          fmt::format("report_backs[{}].indicator_values[{}]", report_idx, value_idx);
      if (index_.indicator(value.indicator) == nullptr) {
        integrity(path + ".indicator", record,
                  fmt::format("the indicator {} does not exist", value.indicator));
      }
      if (index_.unit(value.unit) == nullptr) {
        integrity(path + ".unit", record, fmt::format("the unit {} does not exist", value.unit));
      }
      if (occasion != nullptr && value.period_end != occasion->period_end) {
        integrity(path + ".period_end", record,
                  fmt::format("the value is for the period ending {}, but the occasion {} "
                              "follows up the period ending {}",
                              formatDate(value.period_end), occasion->code,
                              formatDate(occasion->period_end)));
      }
    }
  }

  // Who moved the version along the workflow, and when: a submitted report-back is
  // evidence for a decision (D12), so its trail must be complete.
  template <typename Report>
  void checkWorkflow(const ReportBack& report_back, Report& report) {
    const ReportBackStatus status = report_back.status;
    const std::string_view name = toString(status);
    if (status != ReportBackStatus::draft) {
      if (report_back.submitted_by.empty()) {
        report("submitted_by",
               fmt::format("{} report-back must say who submitted it", withArticle(name)));
      }
      if (report_back.submitted_at.empty()) {
        report("submitted_at",
               fmt::format("{} report-back must say when it was submitted", withArticle(name)));
      }
    }
    if (status == ReportBackStatus::returned || status == ReportBackStatus::approved) {
      // The status names the decision: returned or approved.
      if (report_back.decided_by.empty()) {
        report("decided_by",
               fmt::format("{} report-back must say who {} it", withArticle(name), name));
      }
      if (report_back.decided_at.empty()) {
        report("decided_at",
               fmt::format("{} report-back must say when it was {}", withArticle(name), name));
      }
    }
    if (status == ReportBackStatus::returned && report_back.return_reason.empty()) {
      report("return_reason",
             "a returned report-back must say why it was returned, so that the recipient knows "
             "what to revise");
    }
  }

  const OrganisationData& data_;
  const ChainIndex& index_;
  std::vector<Violation>& violations_;
  //! The first occasion with each code; a repeated code is reported where it repeats.
  std::unordered_map<std::string_view, const FollowUpOccasion*> occasions_;
};

}  // namespace

void checkFollowUpIntegrity(const OrganisationData& data, const ChainIndex& index,
                            std::vector<Violation>& violations) {
  FollowUpChecker(data, index, violations).run();
}

}  // namespace styr::domain
