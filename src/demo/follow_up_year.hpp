#pragma once
// A demo municipality's year of follow-up (D10, D12, L13): the seed's default follow-up plan
// and the report-backs its recipients had written by a given day. Shared by the Lerum demo and
// the generator, so every demo municipality has follow-up data of the same kind.

#include <cstdint>

#include "domain/model.hpp"

namespace styr::demo {

//! Adds the default follow-up plan of `year` (domain::defaultFollowUpPlan) to `data` and the
//! report-backs written to it as they stand on `today`, keeping data.occasions ordered by code
//! and data.report_backs by occasion, recipient and version. Deterministic in `seed`.
//!
//! - An occasion all of whose deadlines passed before `today` and that is not the newest
//!   such: a report-back from every recipient in scope (domain::OccasionScope) that has someone
//!   to write it; a unit whose head post is vacant has nobody, and stays missing. Written by
//!   the writers app::writersOf names, submitted by them (a few after their deadline), and
//!   nearly all approved by someone who answers for the level above (app::answeringFor). In
//!   the interim report one unit's first version is returned for a thin analysis and its
//!   second version approved.
//! - The newest occasion whose first deadline has passed: where the cycle stands on `today`,
//!   lowest levels furthest on: some approved, some submitted, some drafts, some missing.
//! - Later occasions: nothing yet.
//!
//! Every submitted version passes domain::submissionProblems: each item in scope assessed
//! with a trend; an analysis for all but fulfilled; corrective actions owned by a person of
//! the recipient's unit and due after the occasion's meeting for partly and not fulfilled; a
//! text on every topic. Assessments follow the indicator values `data` holds where an item's
//! indicator has a value and a target for the recipient's part of the organisation, and the
//! indicator values reported are copies of those `data` holds for the period.
void addFollowUpYear(domain::OrganisationData& data, int year, const domain::Date& today,
                     std::uint64_t seed);

}  // namespace styr::demo
