#pragma once
// Helpers shared by the interchange tests.

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "interchange/problem.hpp"

namespace styr::interchange::test_support {

//! Problems as the lines a user reads, "where: message", so that tests compare whole texts.
inline std::vector<std::string> describe(const std::vector<Problem>& problems) {
  std::vector<std::string> lines;
  lines.reserve(problems.size());
  for (const Problem& problem : problems) lines.push_back(problem.where + ": " + problem.message);
  return lines;
}

//! The first fenced block after `heading` in docs/exchange-format.md (found from this file's
//! place in the repository), or "" when there is none: the examples there must stay true.
inline std::string documentedExample(std::string_view heading, std::string_view fence) {
  const auto path = std::filesystem::path(__FILE__).parent_path() / "../../docs/exchange-format.md";
  std::ifstream file(path);
  std::stringstream contents;
  contents << file.rdbuf();
  const std::string markdown = contents.str();
  const auto section = markdown.find(heading);
  if (section == std::string::npos) return {};
  const auto start = markdown.find(fence, section);
  if (start == std::string::npos) return {};
  const auto body = start + fence.size();
  const auto end = markdown.find("```\n", body);
  if (end == std::string::npos) return {};
  return markdown.substr(body, end - body);
}

}  // namespace styr::interchange::test_support
