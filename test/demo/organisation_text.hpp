#pragma once
// Every field of an organisation's data as text, one record a line, so that two builds can be
// compared field by field and a difference shows where it is.

#include <string>
#include <vector>

#include "domain/model.hpp"

namespace styr::demo::test_support {

std::vector<std::string> describe(const domain::OrganisationData& data);

}  // namespace styr::demo::test_support
