#include "http/static_files.hpp"

#include <fmt/format.h>
#include <zlib.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "http/compression.hpp"
#include "http/error_response.hpp"

namespace styr::http {

namespace {

namespace fs = std::filesystem;

std::string contentTypeOf(const fs::path& file) {
  static const std::map<std::string, std::string, std::less<>> types = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".webmanifest", "application/manifest+json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json"},
  };
  auto found = types.find(file.extension().string());
  return found == types.end() ? "application/octet-stream" : found->second;
}

bool compressible(std::string_view content_type) {
  return content_type.starts_with("text/") || content_type.starts_with("application/json") ||
         content_type.starts_with("application/manifest") || content_type.starts_with("image/svg");
}

std::string readWhole(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream content;
  if (!in || !(content << in.rdbuf())) {
    // An empty file makes `<<` fail without anything being wrong.
    if (in && fs::file_size(file) == 0) return {};
    throw std::runtime_error(fmt::format("cannot read {}", file.string()));
  }
  return std::move(content).str();
}

//! Length and CRC-32: a file that changes between two builds is told apart, which is all a
//! cache validator needs (nobody gains from forging one).
std::string etagOf(std::string_view body) {
  auto crc = crc32(0L, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()));
  return fmt::format("\"{:x}-{:08x}\"", body.size(), crc);
}

bool hasExtension(std::string_view path) {
  auto slash = path.rfind('/');
  std::string_view last = slash == std::string_view::npos ? path : path.substr(slash + 1);
  return last.find('.') != std::string_view::npos;
}

//! True when an If-None-Match value lists `etag` (or is "*").
bool matchesEtag(std::string_view if_none_match, std::string_view etag) {
  if (if_none_match == "*") return true;
  std::size_t at = 0;
  while (at < if_none_match.size()) {
    auto comma = if_none_match.find(',', at);
    std::string_view one = if_none_match.substr(
        at, comma == std::string_view::npos ? std::string_view::npos : comma - at);
    while (!one.empty() && one.front() == ' ') one.remove_prefix(1);
    while (!one.empty() && one.back() == ' ') one.remove_suffix(1);
    if (one.starts_with("W/")) one.remove_prefix(2);
    if (one == etag) return true;
    if (comma == std::string_view::npos) break;
    at = comma + 1;
  }
  return false;
}

// The UI loads only its own scripts and styles and talks only to this server. Inline styles
// are allowed because Svelte's style directives and ECharts' tooltips set them.
constexpr std::string_view kContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

}  // namespace

StaticFiles StaticFiles::load(const fs::path& root) {
  StaticFiles files;
  files.root_ = root;
  std::error_code error;
  if (!fs::is_directory(root, error)) {
    throw std::runtime_error(fmt::format("{} is not a directory", root.string()));
  }
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file() || entry.is_symlink()) continue;
    // Appended rather than "/" + ...: GCC 12 warns falsely (-Wrestrict) on that at -O3.
    std::string path(1, '/');
    path.append(fs::relative(entry.path(), root).generic_string());
    File file;
    file.content_type = contentTypeOf(entry.path());
    file.body = std::make_shared<const std::string>(readWhole(entry.path()));
    file.etag = etagOf(*file.body);
    if (file.body->size() > kCompressionThreshold && compressible(file.content_type)) {
      std::string packed = gzip(*file.body);
      if (packed.size() < file.body->size()) {
        file.gzipped = std::make_shared<const std::string>(std::move(packed));
      }
    }
    files.files_.emplace(std::move(path), std::move(file));
  }
  if (!files.files_.contains("/index.html")) {
    throw std::runtime_error(fmt::format(
        "{} holds no index.html (build the UI: npm ci && npm run build in web/)", root.string()));
  }
  return files;
}

Response StaticFiles::serve(const Request& request) const {
  std::string_view path = request.path;
  if (path.starts_with("/api/") || path == "/api") {
    return errorResponse(404, protocol_error::not_found, "There is nothing at this path.");
  }
  auto decoded = percentDecode(path, false);
  if (!decoded) {
    return errorResponse(400, protocol_error::malformed_request,
                         "The request path is not correctly percent-encoded.");
  }
  if (auto found = files_.find(*decoded); found != files_.end() && *decoded != "/index.html") {
    return respond(found->second, *decoded, request);
  }
  if (hasExtension(*decoded)) {
    return errorResponse(404, protocol_error::not_found, "There is no such file.");
  }
  return respond(files_.find("/index.html")->second, "/index.html", request);
}

Response StaticFiles::respond(const File& file, std::string_view path,
                              const Request& request) const {
  Response response{200, file.content_type, {}, {}};
  response.headers.set("ETag", file.etag);
  response.headers.set("X-Content-Type-Options", "nosniff");
  // Vite names what it builds under /assets/ by its content: such a name never changes
  // meaning, so browsers keep it; everything else (index.html first) is checked each time.
  response.headers.set("Cache-Control", path.starts_with("/assets/")
                                            ? "public, max-age=31536000, immutable"
                                            : "no-cache");
  if (file.content_type.starts_with("text/html")) {
    response.headers.set("Content-Security-Policy", kContentSecurityPolicy);
    response.headers.set("Referrer-Policy", "same-origin");
    response.headers.set("X-Frame-Options", "DENY");
  }
  if (file.gzipped) response.headers.set("Vary", "Accept-Encoding");
  if (auto tags = request.header("If-None-Match"); tags && matchesEtag(*tags, file.etag)) {
    response.status = 304;
    return response;
  }
  if (file.gzipped && acceptsGzip(request.header("Accept-Encoding").value_or(""))) {
    response.headers.set("Content-Encoding", "gzip");
    response.shared_body = file.gzipped;
  } else {
    response.shared_body = file.body;
  }
  return response;
}

fs::path defaultWebRoot() {
  return fs::path(STYR_SOURCE_DIR) / "web" / "dist";
}

}  // namespace styr::http
