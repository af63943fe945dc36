#pragma once
// Steering documents over HTTP: lists of the versions a caller may read, a document with its
// versions, and its life's steps (app/document_use_cases): a new draft, editing the draft, a
// revision of the decided version, and recording the decision. A version's ETag is its
// content tag (app::documentTag), since documents have no revision counter.

#include "http/router.hpp"
#include "http/session_routes.hpp"

namespace styr::http {

void addDocumentRoutes(Router& router, const ApiContext& context);

}  // namespace styr::http
