# Embedding files of ours into the binary at configure time.

# Writes OUTPUT, a C++ file defining `const std::vector<Migration>& FUNCTION()` with every
# NNN_name.sql in FOLDER in version order. Runs at configure time; CMake re-runs itself when
# a migration changes (CMAKE_CONFIGURE_DEPENDS below).
function(styr_embed_migrations output function folder)
  file(GLOB files ${folder}/*.sql)
  list(SORT files)
  set(body "")
  foreach(file ${files})
    get_filename_component(name ${file} NAME_WE)
    string(REGEX MATCH "^([0-9]+)_" _ ${name})
    math(EXPR version "${CMAKE_MATCH_1}")
    file(READ ${file} sql)
    string(APPEND body "      {${version}, \"${name}\", R\"styrsql(${sql})styrsql\"},\n")
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${file})
  endforeach()
  file(CONFIGURE OUTPUT ${output} CONTENT "// Generated from ${folder}; do not edit.
#include \"store/migration.hpp\"

namespace styr::store {

const std::vector<Migration>& ${function}() {
  static const std::vector<Migration> migrations{
${body}  };
  return migrations;
}

}  // namespace styr::store
" @ONLY)
endfunction()

# Writes OUTPUT, a C++ file defining `std::string_view FUNCTION()` in namespace NAMESPACE that
# returns the bytes of FILE (a text file of ours, such as the OpenAPI document).
function(styr_embed_text output namespace function file)
  file(READ ${file} text)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${file})
  file(CONFIGURE OUTPUT ${output} CONTENT "// Generated from ${file}; do not edit.
#include <string_view>

namespace ${namespace} {

std::string_view ${function}() {
  return R\"styrtext(${text})styrtext\";
}

}  // namespace ${namespace}
" @ONLY)
endfunction()
