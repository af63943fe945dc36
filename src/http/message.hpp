#pragma once
// The request a handler reads and the response it returns: plain values, no Beast in sight,
// so handlers and their tests need nothing of the server to be written.

#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace styr::http {

//! Header fields in the order they came or were set; names compare case-insensitively.
class Headers {
 public:
  using Field = std::pair<std::string, std::string>;

  //! The first field of that name, if any.
  [[nodiscard]] std::optional<std::string_view> get(std::string_view name) const;
  [[nodiscard]] bool contains(std::string_view name) const { return get(name).has_value(); }
  //! Replaces every field of that name with one.
  void set(std::string_view name, std::string_view value);
  //! Adds a field, keeping those of the same name.
  void add(std::string_view name, std::string_view value);
  void remove(std::string_view name);

  [[nodiscard]] auto begin() const { return fields_.begin(); }
  [[nodiscard]] auto end() const { return fields_.end(); }
  [[nodiscard]] std::size_t size() const { return fields_.size(); }

 private:
  std::vector<Field> fields_;
};

//! Name-value pairs in their order of appearance (query parameters, path parameters).
using Parameters = std::vector<std::pair<std::string, std::string>>;

struct Request {
  std::string method;  //!< as sent, e.g. "GET"
  std::string target;  //!< as sent, query string included: never log it (it may hold tokens)
  std::string path;    //!< the target without its query string, still percent-encoded
  Parameters query;    //!< percent-decoded, '+' as a space
  Headers headers;
  std::string body;
  std::string remote_address;  //!< the peer's IP address
  std::string request_id;      //!< also sent back in X-Request-Id and written to the access log
  Parameters path_params;      //!< the pattern's {name} segments, percent-decoded (the router's)

  [[nodiscard]] std::optional<std::string_view> header(std::string_view name) const {
    return headers.get(name);
  }
  //! The first query parameter of that name, if any.
  [[nodiscard]] std::optional<std::string_view> queryParam(std::string_view name) const;
  //! A {name} of the matched pattern; empty for a name the pattern does not have.
  [[nodiscard]] std::string_view pathParam(std::string_view name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  Headers headers;  //!< beyond Content-Type; the server adds Content-Length, Date, ...
  std::string body;
  //! Instead of `body`, a body kept elsewhere and shared (a kept answer, a file held in
  //! memory): sent from where it is, so that serving it copies nothing.
  std::shared_ptr<const std::string> shared_body = nullptr;

  //! The body, wherever it is.
  [[nodiscard]] std::string_view bodyView() const {
    return shared_body ? std::string_view(*shared_body) : std::string_view(body);
  }
};

//! A JSON response. Invalid UTF-8 in strings is replaced rather than thrown on.
Response json(int status, const nlohmann::json& body);
//! A plain-text response (text/plain; charset=utf-8).
Response text(int status, std::string body);

//! The body parsed as JSON; nullopt when it is not JSON (answer with `bodyNotJson()`, in
//! error_response.hpp).
std::optional<nlohmann::json> jsonBody(const Request& request);

//! Percent-decodes `text`; with `plus_is_space` (query strings) '+' becomes ' '. Nullopt when
//! a '%' is not followed by two hex digits.
std::optional<std::string> percentDecode(std::string_view text, bool plus_is_space);

//! Sets `request.target`, `path` and `query` from a request target. False when the target is
//! not a path (origin form, starting with '/') or its percent-encoding is broken.
bool parseTarget(std::string_view target, Request& request);

//! ASCII case-insensitive equality (header names, tokens).
bool equalsIgnoringCase(std::string_view a, std::string_view b);

}  // namespace styr::http
