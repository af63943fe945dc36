#pragma once
// Traceability (D3): from any item up to the vision, and from any item down through
// everything issued below it.

#include <optional>
#include <vector>

#include "domain/chain_index.hpp"

namespace styr::domain {

struct TraceUp {
  std::vector<const Item*> chain;            //!< the item first, then its origin, and so on
  const SteeringDocument* source = nullptr;  //!< the document the top item originates in
  bool broken = false;                       //!< the chain ends in an origin that is missing
};

struct TraceNode {
  const Item* item = nullptr;
  std::vector<TraceNode> children;  //!< ordered by code
};

//! Nullopt when `code` is not an item of the index.
std::optional<TraceUp> traceUp(const ChainIndex& index, std::string_view code);
std::optional<TraceNode> traceDown(const ChainIndex& index, std::string_view code);

//! Items in a tree, the root included.
std::size_t countNodes(const TraceNode& node);

}  // namespace styr::domain
