// What every layer needs to say where and why something failed: a position in
// a source file, and the one exception type that stops a whole run.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace tthc {

// A 1-based position in a source file; line 0 means "the file as a whole".
struct Pos {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

// An error that stops the whole run (unreadable input, usage); `hint` says the
// next step when there is one.
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& what, std::string hint = {})
        : std::runtime_error(what), hint_(std::move(hint)) {}
    const std::string& hint() const { return hint_; }

private:
    std::string hint_;
};

}  // namespace tthc
