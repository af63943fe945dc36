#pragma once
// The browser UI's files (web/dist, built by Vite) served at "/": read into memory once, at
// start, so that a request never touches the disk and no path from a request is ever joined
// to a directory (nothing outside the files read can be reached). The UI routes in the
// browser, so a path without a file extension is answered with index.html.

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "http/message.hpp"

namespace styr::http {

class StaticFiles {
 public:
  //! Every regular file under `root` (symbolic links are not followed out of it). Throws
  //! std::runtime_error naming the file when one cannot be read, and when `root` holds no
  //! index.html (a UI that was not built).
  static StaticFiles load(const std::filesystem::path& root);

  //! GET or HEAD of `request.path`: the file, index.html for a path that names no file and
  //! has no extension (outside /api/), else a JSON 404. Hashed assets (under /assets/) are
  //! cached for a year, everything else revalidated with its ETag (304 when unchanged).
  [[nodiscard]] Response serve(const Request& request) const;

  [[nodiscard]] std::size_t fileCount() const { return files_.size(); }
  [[nodiscard]] const std::filesystem::path& root() const { return root_; }

 private:
  struct File {
    std::string content_type;
    std::shared_ptr<const std::string> body;     //!< shared with the responses, never copied
    std::shared_ptr<const std::string> gzipped;  //!< when compressing it saves something
    std::string etag;
  };
  [[nodiscard]] Response respond(const File& file, std::string_view path,
                                 const Request& request) const;

  std::filesystem::path root_;
  std::map<std::string, File, std::less<>> files_;  //!< by URL path: "/index.html"
};

//! The directory `styr serve` serves the UI from when not told: web/dist of the source tree
//! the binary was built from, which is where the README's first command builds it.
std::filesystem::path defaultWebRoot();

}  // namespace styr::http
