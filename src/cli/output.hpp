#pragma once
// What the commands print: text for people, JSON for scripts.

#include <string>
#include <string_view>
#include <vector>

#include "app/error.hpp"
#include "app/import_organisation.hpp"
#include "app/organisation_queries.hpp"

namespace styr::cli {

//! The error and each of its details on stderr, one per line.
void printError(const app::Error& error);
//! printError, and the exit code the error calls for (cli/exit_codes.hpp).
int fail(const app::Error& error);

//! Counts per level of the chain: who issued how much to whom, from the vision down.
void printChainSummary(const app::LoadedOrganisation& organisation);

//! Rule violations (all of them) and coverage findings (at most `limit` per category, 0: all).
void printCheckReport(const app::CheckReport& report, std::size_t limit);
std::string checkReportJson(const domain::Organisation& organisation,
                            const app::CheckReport& report);

void printTrace(const app::ItemTrace& trace);
std::string traceJson(const app::ItemTrace& trace);

std::string statsJson(const std::vector<app::CountRow>& rows);

void printImportReport(const app::ImportReport& report, std::string_view source);

}  // namespace styr::cli
