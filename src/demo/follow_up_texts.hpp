#pragma once
// The Swedish texts of the demo's report-backs: analyses, corrective actions, the texts on an
// occasion's topics and why a report-back was returned. Each text is put together from parts
// drawn from the demo's random source and from the figures the report-back is about, so that a
// hundred units' report-backs read as if a hundred managers wrote them.

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "demo/random.hpp"
#include "domain/model.hpp"

namespace styr::demo {

//! How a recipient speaks of itself: "Enheten ... enhetens", "Sektorn ... sektorns".
struct Voice {
  std::string_view subject;     //!< "Enheten"
  std::string_view possessive;  //!< "enhetens"
};

Voice voiceOf(domain::UnitKind kind);
//! An employee reporting on their own activities.
Voice personalVoice();

//! "84,3 %", "62 dagar", "1,2 mnkr", "48 200 kWh": a figure as a Swedish report writes it.
std::string formatMeasure(double value, std::string_view unit_of_measure);

//! An indicator's figure for the period, and what it is measured against.
struct MeasuredResult {
  std::string_view indicator_name;
  std::string_view unit_of_measure;
  double value = 0;
  double target = 0;
  std::optional<double> previous;  //!< the previous period's value, when there is one
  bool better_than_before = false;
};

//! A comment on a fulfilled item; empty about a third of the time (L13 asks for none).
std::string fulfilledComment(SplitMix64& rng, const std::optional<MeasuredResult>& measured);
//! Why an item is partly or not fulfilled and what the recipient expects, in two or three
//! sentences; `period_month` is the month the period ends (the outlook depends on it).
std::string shortfallAnalysis(domain::Assessment assessment, unsigned period_month, SplitMix64& rng,
                              const std::optional<MeasuredResult>& measured);
//! A deliverable due by the period's end that is not done.
std::string lateDeliverableAnalysis(std::string_view deliverable, const domain::Date& due,
                                    SplitMix64& rng);
//! Why an item cannot be assessed this period.
std::string cannotBeAssessedReason(unsigned period_month, SplitMix64& rng);
//! The same, when the indicator that follows the item up is not measured for the period.
std::string notMeasuredReason(std::string_view indicator_name, SplitMix64& rng);
//! An item issued to the recipient but not yet taken on.
std::string notStartedReason(const domain::Date& issued_on, SplitMix64& rng);

//! A corrective action: one suited to the indicator the item is followed up by when there is
//! one (and `first`), otherwise a general one; `avoid` is not repeated.
std::string actionDescription(std::string_view indicator, bool first, std::string_view avoid,
                              SplitMix64& rng);

//! The figures the texts on an occasion's topics speak of, where the recipient has them.
struct TopicFacts {
  std::optional<double> result_sek;  //!< outcome against budget for the recipient's part
  std::optional<double> sick_leave;  //!< per cent of working hours
  std::optional<double> sick_leave_target;
  //! The report-back's own assessments by domain::Assessment, and how many items it has.
  std::array<int, 4> assessed{};
  int items = 0;
  unsigned period_month = 12;
  //! A unit, a workplace or a person writes a line or two; the levels that compile the ones
  //! below them write more.
  bool brief = false;
};

std::string topicText(domain::Topic topic, const Voice& voice, const TopicFacts& facts,
                      SplitMix64& rng);

//! The first version of the report-back that is returned: its analysis and action say too
//! little, as the return reason says.
std::string thinAnalysis(SplitMix64& rng);
std::string thinAction();
std::string returnReason(std::string_view item_title, SplitMix64& rng);

}  // namespace styr::demo
