#pragma once
// Handlers by method and path pattern. A pattern is literal segments and whole-segment
// parameters: "/api/v1/items/{code}". Where two patterns match a path, the one with a literal
// segment at the first place they differ wins ("/items/new" before "/items/{code}").

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.hpp"

namespace styr::http {

//! Synchronous: called on an io thread, may block (the store does).
using Handler = std::function<Response(const Request&)>;

struct Route {
  std::string method;
  std::string pattern;
  friend bool operator==(const Route&, const Route&) = default;
};

class Router {
 public:
  //! Throws std::invalid_argument for a malformed pattern (not starting with '/', a segment
  //! mixing text and {}, an empty or repeated parameter name) or a method and pattern shape
  //! already registered.
  void add(std::string_view method, std::string_view pattern, Handler handler);

  //! Answers GET and HEAD of paths no pattern matches (the browser UI's files), instead of
  //! the JSON 404.
  void setFallback(Handler handler) { fallback_ = std::move(handler); }

  //! Answers a GET or HEAD from memory when it can, without blocking and without the store:
  //! the server asks it on its io threads before handing the request to a worker, and
  //! nullopt sends the request on to the handlers (see quick_reads.hpp).
  using QuickHandler = std::function<std::optional<Response>(const Request&)>;
  void setQuick(QuickHandler quick) { quick_ = std::move(quick); }
  //! The quick answer, if any (never for other methods; an exception counts as none).
  [[nodiscard]] std::optional<Response> quick(const Request& request) const;

  //! Called each time a handler of any method but GET and HEAD has returned or thrown: what
  //! is kept in memory learns that something may have changed.
  void setAfterChange(std::function<void()> after_change) {
    after_change_ = std::move(after_change);
  }

  //! Every registered (method, pattern), in registration order.
  [[nodiscard]] std::vector<Route> routes() const;

  //! Sets `request.path_params` and calls the matching handler; 404 JSON for a path no
  //! pattern matches, 405 JSON with Allow for a path matched only under other methods. HEAD
  //! falls back to GET (the server then sends no body). Exceptions of handlers pass through.
  [[nodiscard]] Response handle(Request& request) const;

 private:
  struct Segment {
    bool parameter = false;
    std::string text;  //!< the literal, or the parameter's name
  };
  struct Entry {
    Route route;
    std::vector<Segment> segments;
    Handler handler;
  };

  static bool matches(const Entry& entry, const std::vector<std::string>& segments);
  //! True when `a` is more specific than `b` (both matching the same path).
  static bool moreSpecific(const Entry& a, const Entry& b);

  std::vector<Entry> entries_;
  Handler fallback_;
  QuickHandler quick_;
  std::function<void()> after_change_;
};

}  // namespace styr::http
