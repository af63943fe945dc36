#include "domain/trace.hpp"

#include <algorithm>
#include <unordered_set>

namespace styr::domain {

std::optional<TraceUp> traceUp(const ChainIndex& index, std::string_view code) {
  const Item* item = index.item(code);
  if (item == nullptr) return std::nullopt;
  TraceUp trace;
  std::unordered_set<std::string_view> visited;
  while (true) {
    if (!visited.insert(item->code).second) {
      // An origin chain that comes back to an item already seen is broken input.
      trace.broken = true;
      break;
    }
    trace.chain.push_back(item);
    if (item->origin.empty()) {
      if (!item->origin_document.empty()) {
        trace.source = index.document(item->origin_document);
        trace.broken = trace.source == nullptr;
      }
      break;
    }
    item = index.item(item->origin);
    if (item == nullptr) {
      trace.broken = true;
      break;
    }
  }
  return trace;
}

namespace {

TraceNode buildNode(const ChainIndex& index, const Item* item,
                    std::unordered_set<std::string_view>& visited) {
  TraceNode node{item, {}};
  for (const Item* derived : index.derivedFrom(item->code)) {
    if (!visited.insert(derived->code).second) continue;
    node.children.push_back(buildNode(index, derived, visited));
  }
  std::sort(node.children.begin(), node.children.end(),
            [](const TraceNode& a, const TraceNode& b) { return a.item->code < b.item->code; });
  return node;
}

}  // namespace

std::optional<TraceNode> traceDown(const ChainIndex& index, std::string_view code) {
  const Item* item = index.item(code);
  if (item == nullptr) return std::nullopt;
  std::unordered_set<std::string_view> visited{item->code};
  return buildNode(index, item, visited);
}

std::size_t countNodes(const TraceNode& node) {
  std::size_t count = 1;
  for (const TraceNode& child : node.children) count += countNodes(child);
  return count;
}

}  // namespace styr::domain
