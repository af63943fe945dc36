#pragma once
// Running the real `styr` binary in tests, as a user would, in a temporary folder per test.

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace styr::test {

namespace fs = std::filesystem;

struct CommandRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string readAll(const fs::path& path) {
  std::ifstream file(path, std::ios::binary);
  std::ostringstream content;
  content << file.rdbuf();
  return content.str();
}

inline void writeFile(const fs::path& path, const std::string& content) {
  std::ofstream file(path, std::ios::binary);
  file << content;
}

class StyrCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("styr-cli-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  fs::path file(const std::string& name) const { return dir_ / name; }

  //! Runs `styr` with `arguments` (a shell word list), capturing what it prints.
  CommandRun styr(const std::string& arguments) const {
    return shell(std::string(STYR_BINARY) + " " + arguments);
  }

  //! Runs a shell command line, capturing what it prints.
  CommandRun shell(const std::string& command_line) const {
    std::string command =
        command_line + " >" + (dir_ / "stdout").string() + " 2>" + (dir_ / "stderr").string();
    int status = std::system(command.c_str());
    CommandRun run;
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.out = readAll(dir_ / "stdout");
    run.err = readAll(dir_ / "stderr");
    return run;
  }

  fs::path dir_;
};

}  // namespace styr::test
