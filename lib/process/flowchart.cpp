#include "process/flowchart.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "core/diagnostic.hpp"
#include "io/files.hpp"
#include "util/i18n.hpp"
#include "util/unicode.hpp"

extern char** environ;

namespace tthc {

namespace {

// A DOT quoted string; "\n" in `s` becomes DOT's centred line break.
std::string quote(const std::string& s)
{
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out + "\"";
}

// Breaks text into lines of at most `width` code points at spaces.
std::string wrap(const std::string& text, std::size_t width)
{
    std::string out, line;
    std::istringstream words(text);
    std::string w;
    while (words >> w) {
        if (!line.empty() && code_points(line) + 1 + code_points(w) > width) {
            out += (out.empty() ? "" : "\n") + line;
            line.clear();
        }
        line += (line.empty() ? "" : " ") + w;
    }
    if (!line.empty()) out += (out.empty() ? "" : "\n") + line;
    return out;
}

}  // namespace

std::string process_dot(const ResolvedProcess& r)
{
    const std::string title = r.procedure ? r.procedure->name.value + " (mã " + r.procedure->code.value + ")" : r.code();
    std::string out = "digraph " + quote(r.code()) + " {\n";
    out += "  graph [rankdir=LR, fontname=\"Times New Roman\", fontsize=14, labelloc=t, nodesep=0.4, ranksep=0.5,\n";
    out += "         label=" + quote(wrap(title, 90) + "\nTổng thời gian giải quyết: " + total_text(r)) + "];\n";
    out += "  node [fontname=\"Times New Roman\", fontsize=11, shape=box, style=rounded];\n";
    out += "  edge [fontname=\"Times New Roman\", fontsize=10];\n";
    out += "  start [label=\"Bắt đầu\", shape=circle, width=0.7, fixedsize=true];\n";
    out += "  end [label=\"Kết thúc\", shape=doublecircle, width=0.7, fixedsize=true];\n";

    // One cluster per unit, in the order the units first act.
    std::vector<std::string> units;
    for (const auto& s : r.steps)
        if (std::find(units.begin(), units.end(), s.step->unit.value) == units.end()) units.push_back(s.step->unit.value);
    for (std::size_t u = 0; u < units.size(); ++u) {
        std::string name;
        std::string nodes;
        for (std::size_t i = 0; i < r.steps.size(); ++i) {
            const ResolvedStep& s = r.steps[i];
            if (s.step->unit.value != units[u]) continue;
            name = s.unit_name;
            const std::string label = "Bước " + std::to_string(i + 1) + "\n" + wrap(s.step->task.value, 32) + "\n" +
                                      step_time_text(s);
            nodes += "    step" + std::to_string(i + 1) + " [label=" + quote(label) +
                     (s.step->counted ? "" : ", style=\"rounded,dashed\"") + "];\n";
        }
        out += "  subgraph cluster_" + std::to_string(u + 1) + " {\n";
        out += "    label=" + quote(wrap(name, 40)) + ";\n    style=rounded;\n    color=gray40;\n";
        out += nodes + "  }\n";
    }

    std::string prev = "start";
    for (std::size_t i = 0; i < r.steps.size(); ++i) {
        const std::string id = "step" + std::to_string(i + 1);
        out += "  " + prev + " -> " + id + ";\n";
        prev = id;
    }
    out += "  " + prev + " -> end;\n}\n";
    return out;
}

std::optional<std::string> dot_to_svg(const std::string& dot_source)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path tmp = fs::temp_directory_path(ec);
    if (ec) tmp = "/tmp";
    std::string dir_template = (tmp / "tthc-dot-XXXXXX").string();
    if (!mkdtemp(dir_template.data())) throw Error(tr("cannot create a temporary directory for dot: {0}", std::strerror(errno)));
    const fs::path dir = dir_template;
    struct Cleanup {
        fs::path dir;
        ~Cleanup()
        {
            std::error_code e;
            fs::remove_all(dir, e);
        }
    } cleanup{dir};

    const std::string in = (dir / "in.dot").string(), out = (dir / "out.svg").string(), err = (dir / "err.txt").string();
    write_file_atomic(in, dot_source);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    std::vector<std::string> args = {"dot", "-Tsvg", "-o", out, in};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int rc = posix_spawnp(&pid, "dot", &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc == ENOENT) return std::nullopt;
    if (rc != 0) throw Error(tr("cannot run dot: {0}", std::strerror(rc)));
    int status = 0;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) throw Error(tr("cannot wait for dot: {0}", std::strerror(errno)));
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127) return std::nullopt;  // a shell wrapper without dot
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::string message = read_file(err);
        while (!message.empty() && (message.back() == '\n' || message.back() == '\r')) message.pop_back();
        if (message.empty()) throw Error(tr("dot failed"));
        // TRANSLATORS: {0} is what Graphviz dot printed on its standard error
        throw Error(tr("dot failed: {0}", message));
    }
    return read_file(out);
}

}  // namespace tthc
