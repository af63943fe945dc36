#pragma once
// Word banks for fictional Swedish people and places, and the ASCII folding that turns a
// name into an e-mail address or a domain.

#include <string>
#include <string_view>
#include <vector>

namespace styr::demo {

const std::vector<std::string>& givenNames();
const std::vector<std::string>& familyNames();

//! First and last parts of made-up place names ("Björk" + "vik"), for synthetic localities.
const std::vector<std::string>& placePrefixes();
const std::vector<std::string>& placeSuffixes();

//! Names of preschools, group homes and the like ("Ekorren", "Vitsippan").
const std::vector<std::string>& friendlyNames();

//! Lower-case ASCII: å, ä -> a, ö -> o, é -> e, ü -> u; anything else that is not a letter
//! or a digit becomes `separator` (collapsed, never leading or trailing).
std::string asciiFold(std::string_view text, char separator);

}  // namespace styr::demo
