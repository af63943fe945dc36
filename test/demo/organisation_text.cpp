#include "demo/organisation_text.hpp"

#include <cstdio>
#include <optional>

#include "interchange/organisation_json.hpp"

namespace styr::demo::test_support {

namespace {

using domain::Date;

std::string text(const std::string& value) {
  return value;
}
std::string text(const char* value) {
  return value;
}
std::string text(int value) {
  return std::to_string(value);
}
std::string text(std::int64_t value) {
  return std::to_string(value);
}
std::string text(const Date& value) {
  return domain::formatDate(value);
}

std::string text(double value) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.17g", value);
  return buffer;
}

template <typename Enum>
requires std::is_enum_v<Enum> std::string text(Enum value) {
  return std::string(domain::toString(value));
}

template <typename T>
std::string text(const std::optional<T>& value) {
  return value ? text(*value) : std::string("-");
}

std::string text(const std::vector<std::string>& values) {
  std::string joined = "[";
  for (const std::string& value : values) joined += value + ";";
  return joined + "]";
}

// Joins the fields of one record with a separator no field contains.
template <typename... Fields>
std::string line(const Fields&... fields) {
  std::string joined;
  ((joined += text(fields) + " | "), ...);
  return joined;
}

}  // namespace

std::vector<std::string> describe(const domain::OrganisationData& data) {
  std::vector<std::string> lines;
  const domain::Organisation& organisation = data.organisation;
  lines.push_back(line("organisation", organisation.code, organisation.name, organisation.kind));
  for (const auto& term : data.terms) lines.push_back(line("term", term.first_year));
  for (const auto& year : data.years) lines.push_back(line("year", year.year, year.status));
  for (const auto& unit : data.units) {
    lines.push_back(
        line("unit", unit.code, unit.name, unit.kind, unit.parent, unit.valid_from, unit.valid_to));
  }
  for (const auto& person : data.people) {
    lines.push_back(
        line("person", person.code, person.given_name, person.family_name, person.email));
  }
  for (const auto& membership : data.memberships) {
    lines.push_back(line("membership", membership.person, membership.unit, membership.role,
                         membership.valid_from, membership.valid_to));
  }
  for (const auto& document : data.documents) {
    std::optional<Date> decided;
    std::string paragraph;
    std::string case_number;
    if (document.decision) {
      decided = document.decision->date;
      paragraph = document.decision->minute_paragraph;
      case_number = document.decision->case_number;
    }
    lines.push_back(line("document", document.code, document.version, document.kind, document.title,
                         document.summary, document.deciding_body, document.status, decided,
                         paragraph, case_number, document.valid_from, document.valid_to,
                         document.year, document.term));
    for (const auto& appropriation : document.appropriations) {
      lines.push_back(line("appropriation", document.code, appropriation.unit, appropriation.year,
                           appropriation.amount_sek));
    }
  }
  for (const auto& indicator : data.indicators) {
    lines.push_back(line("indicator", indicator.code, indicator.name, indicator.description,
                         indicator.unit_of_measure, indicator.direction, indicator.aggregation));
    for (const auto& target : indicator.targets) {
      lines.push_back(line("target", indicator.code, target.year, target.unit, target.value));
    }
  }
  for (const auto& item : data.items) {
    const domain::FollowUp& follow_up = item.follow_up;
    lines.push_back(line("item", item.code, item.kind, item.document, item.issuer,
                         item.recipient_unit, item.recipient_person, item.origin,
                         item.origin_document, item.title, item.description, item.due,
                         follow_up.deliverable, follow_up.deliverable_due, follow_up.assessed_at,
                         item.plan, item.status, item.issued_on, item.acknowledged_on,
                         item.closed_on, item.closing_note, item.revision));
    for (const auto& link : follow_up.indicators) {
      lines.push_back(line("link", item.code, link.indicator, link.year, link.target));
    }
  }
  for (const auto& value : data.indicator_values) {
    lines.push_back(line("value", value.indicator, value.unit, value.period_end, value.value,
                         value.numerator, value.denominator, value.weight));
  }
  // The exchange format holds every field of the follow-up records but their revisions.
  for (const auto& occasion : data.occasions) {
    lines.push_back(line("occasion", interchange::recordJson(occasion), occasion.revision));
  }
  for (const auto& report_back : data.report_backs) {
    lines.push_back(
        line("report_back", interchange::recordJson(report_back), report_back.revision));
  }
  return lines;
}

}  // namespace styr::demo::test_support
