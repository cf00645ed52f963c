// What `tthc init` writes: the files of a new catalog repository (catalog.toml,
// units.toml, the folders, a README for the officers, .gitattributes, the CI of
// GitHub and GitLab, a pre-commit configuration), as relative paths and bytes.
// Kept apart from the command so that a unit test can read every file, and so
// the templates live beside the catalog format they must satisfy: the result
// lints clean (a test).
#pragma once

#include <string>
#include <vector>

namespace tthc {

// Where CI jobs and pre-commit fetch tthc from, unless `tthc init` is told.
inline constexpr const char* default_tthc_source = "https://github.com/tthc-project/tthc.git";
inline constexpr const char* default_tthc_rev = "main";

struct NewCatalog {
    std::string id;              // catalog.toml id: [a-z0-9-]
    std::string authority;       // cơ quan công bố, NFC
    std::string kind;            // "province" or "ministry"
    std::string name;            // tên bộ thủ tục; empty: made from the authority
    std::string place;           // địa danh; empty: made from the authority
    std::string agency_id;       // optional
    std::string tthc_source = default_tthc_source;  // git URL of tthc, for CI and pre-commit
    std::string tthc_rev = default_tthc_rev;        // its branch or tag
};

struct ScaffoldFile {
    std::string path;     // relative, '/'-separated
    std::string content;  // UTF-8, LF line ends
};

// Checks the values and fills what was left empty (name, place; the authority
// is put in NFC). Throws Error naming the option and what is wrong: an id
// outside [a-z0-9-], an empty or multi-line authority, a kind that is neither
// province nor ministry, a place that cannot be made from the authority.
NewCatalog complete_new_catalog(NewCatalog c);

// Every file of the new repository, sorted by path, for a completed NewCatalog.
// Empty folders hold a .gitkeep so that git keeps them.
std::vector<ScaffoldFile> scaffold_files(const NewCatalog& c);

}  // namespace tthc
