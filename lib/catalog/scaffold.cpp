#include "catalog/scaffold.hpp"

#include <algorithm>
#include <string_view>

#include "catalog/catalog_writer.hpp"
#include "catalog/model.hpp"
#include "util/error.hpp"
#include "util/i18n.hpp"
#include "util/unicode.hpp"

namespace tthc {

namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Replaces every @KEY@ of a template; a key left over is a bug in the template.
std::string fill(std::string_view tmpl, const std::vector<std::pair<std::string_view, std::string>>& values)
{
    std::string out(tmpl);
    for (const auto& [key, value] : values) {
        const std::string mark = "@" + std::string(key) + "@";
        for (std::size_t at = out.find(mark); at != std::string::npos; at = out.find(mark, at + value.size()))
            out.replace(at, mark.size(), value);
    }
    return out;
}

void check_line(const std::string& value, const std::string& option)
{
    // TRANSLATORS: {0} is an option, e.g. --authority
    if (find_invalid_utf8(value)) throw Error(tr("{0} is not valid UTF-8", option));
    for (unsigned char ch : value)
        if (ch < 0x20 || ch == 0x7f)
            // TRANSLATORS: {0} is an option, e.g. --authority
            throw Error(tr("{0} holds a control character (a line break or a tab?)", option),
                        tr("give it on one line"));
    // TRANSLATORS: {0} is an option, e.g. --authority, {1} its value
    if (trim(value) != value) throw Error(tr("{0} \"{1}\" begins or ends with a space", option, value));
}

constexpr std::string_view ubnd = "Ủy ban nhân dân ";

constexpr std::string_view readme_template = R"(# @NAME@

Bộ thủ tục hành chính của @AUTHORITY@, giữ trong git và kiểm tra bằng
[tthc](@SOURCE@). Mỗi thủ tục là một tệp TOML trong `procedures/` (tên tệp là mã thủ tục);
định dạng tệp: `man 5 tthc-catalog`.

## Các thư mục

| thư mục | nội dung |
|---|---|
| `catalog.toml` | thông tin bộ thủ tục: cơ quan công bố, địa danh |
| `units.toml` | các đơn vị tham gia quy trình nội bộ |
| `procedures/` | thủ tục đang có hiệu lực, mỗi thủ tục một tệp |
| `abolished/` | thủ tục đã bãi bỏ (giữ lại để tra cứu, không xóa) |
| `processes/` | quy trình nội bộ, mỗi thủ tục một tệp |
| `plans/` | phương án đơn giản hóa |
| `decisions/` | sổ quyết định: mỗi quyết định một tệp, chỉ thêm, không sửa |

## Việc hằng tuần

```sh
git switch -c tuan-nay           # một nhánh cho các thay đổi của tuần
tthc fmt .                       # trình bày lại các tệp theo một kiểu thống nhất
tthc lint .                      # kiểm tra toàn bộ bộ thủ tục: mỗi lỗi có tệp, dòng, cột
tthc lint --explain RULE         # giải thích một lỗi và cách sửa
tthc diff main:. HEAD:.          # thủ tục mới, sửa đổi, thay thế, bãi bỏ so với nhánh main
tthc announce --from main:. --to . --number SỐ/QĐ-... --date YYYY-MM-DD \
    --effective YYYY-MM-DD --format docx -o quyet-dinh.docx   # dự thảo quyết định công bố
git add -A && git commit -m "..." && git push   # rồi mở yêu cầu hợp nhất (pull/merge request)
```

Khi có yêu cầu hợp nhất, máy chủ CI (`.github/workflows/tthc.yml` hoặc `.gitlab-ci.yml`) chạy
`tthc lint`, `tthc fmt --check` và đăng bảng thay đổi của `tthc diff` thành một bình luận.
Trên máy của mình, `pre-commit install` (xem `.pre-commit-config.yaml`) chạy các kiểm tra đó
trước mỗi lần commit.
)";

constexpr std::string_view gitattributes = R"(# Catalog files are compared byte for byte: LF line ends on every system.
* text=auto eol=lf
*.toml text eol=lf
*.md text eol=lf
*.yml text eol=lf
*.yaml text eol=lf
*.docx binary
*.xlsx binary
*.pdf binary
)";

// GitHub Actions. Expressions (${{ }}) appear only in env: entries, so that the
// run: scripts are plain shell that a test runs as they are.
constexpr std::string_view github_template = R"(# tthc on every push and pull request: lint with annotations and code scanning
# (SARIF), the canonical layout, and what a pull request changes in the
# catalog, posted as a comment on it.
---
name: tthc

"on":
  push:
  pull_request:

permissions:
  contents: read
  security-events: write
  pull-requests: write

env:
  TTHC_SOURCE: @SOURCE@
  TTHC_REV: @REV@

jobs:
  tthc:
    runs-on: ubuntu-latest
    # tthc is built as its README says, on Debian 12
    container: debian:12
    steps:
      - name: Install git
        run: |
          apt-get update -qq
          apt-get install -y -qq --no-install-recommends git ca-certificates
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0
      - name: Install tthc
        run: |
          git config --global --add safe.directory "$GITHUB_WORKSPACE"
          git clone --depth 1 --branch "$TTHC_REV" "$TTHC_SOURCE" "$RUNNER_TEMP/tthc-src"
          CMAKE_ARGS="-DTTHC_BUILD_TESTS=OFF" "$RUNNER_TEMP/tthc-src/scripts/build"
          cmake --install "$RUNNER_TEMP/tthc-src/build"
      - name: Lint for code scanning
        run: |
          tthc lint -q --format sarif . > tthc.sarif || [ $? -eq 1 ]
      - name: Upload the SARIF report
        if: always()
        uses: github/codeql-action/upload-sarif@v3
        with:
          sarif_file: tthc.sarif
          category: tthc
      - name: Lint
        run: |
          tthc lint --format github .
      - name: Layout
        if: always()
        run: |
          tthc fmt --check .
      - name: Diff of the pull request
        if: always() && github.event_name == 'pull_request'
        env:
          BASE_REV: ${{ github.event.pull_request.base.sha }}
        run: |
          tthc diff -q --format markdown "$BASE_REV:." "HEAD:." > tthc-diff.md || [ $? -eq 1 ]
      - name: Comment on the pull request
        if: always() && github.event_name == 'pull_request'
        uses: actions/github-script@v7
        with:
          script: |
            const fs = require('fs');
            const body = fs.readFileSync('tthc-diff.md', 'utf8');
            await github.rest.issues.createComment({
              owner: context.repo.owner,
              repo: context.repo.repo,
              issue_number: context.issue.number,
              body: '## tthc diff\n\n' + body,
            });
)";

// GitLab CI. Posting a note on a merge request needs a token with the api
// scope: CI_JOB_TOKEN cannot write notes, so the job asks for TTHC_NOTE_TOKEN.
constexpr std::string_view gitlab_template = R"(# tthc on every push and merge request: lint, the canonical layout, and what a
# merge request changes in the catalog, posted as a note on it.
#
# The note needs a project access token with the api scope in a masked CI/CD
# variable TTHC_NOTE_TOKEN (CI_JOB_TOKEN cannot write notes); without it the
# diff is kept as an artifact and the job says so.
---
variables:
  TTHC_SOURCE: @SOURCE@
  TTHC_REV: @REV@
  GIT_DEPTH: "0"

default:
  # tthc is built as its README says, on Debian 12
  image: debian:12
  before_script:
    - apt-get update -qq
    - apt-get install -y -qq --no-install-recommends git ca-certificates curl
    - git clone --depth 1 --branch "$TTHC_REV" "$TTHC_SOURCE" /opt/tthc-src
    - CMAKE_ARGS="-DTTHC_BUILD_TESTS=OFF" /opt/tthc-src/scripts/build
    - cmake --install /opt/tthc-src/build

stages:
  - check

lint:
  stage: check
  script:
    # tthc lint has no Code Quality report; its SARIF file is kept as an artifact
    - tthc lint -q --format sarif . > tthc.sarif || [ $? -eq 1 ]
    - tthc lint .
  artifacts:
    when: always
    paths:
      - tthc.sarif

layout:
  stage: check
  script:
    - tthc fmt --check .

diff:
  stage: check
  rules:
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
  script:
    - tthc diff -q --format markdown "$CI_MERGE_REQUEST_DIFF_BASE_SHA:." "HEAD:." > tthc-diff.md || [ $? -eq 1 ]
    - |
      if [ -z "${TTHC_NOTE_TOKEN:-}" ]; then
        echo "tthc: no TTHC_NOTE_TOKEN: the diff is in the artifact tthc-diff.md, not posted"
        exit 0
      fi
      python3 -c 'import json; print(json.dumps({"body": "## tthc diff\n\n" + open("tthc-diff.md").read()}))' \
        > note.json
      curl --fail -sS -X POST -H "PRIVATE-TOKEN: $TTHC_NOTE_TOKEN" -H "Content-Type: application/json" \
        --data @note.json "$CI_API_V4_URL/projects/$CI_PROJECT_ID/merge_requests/$CI_MERGE_REQUEST_IID/notes"
  artifacts:
    when: always
    paths:
      - tthc-diff.md
)";

constexpr std::string_view precommit_template = R"(# pre-commit (https://pre-commit.com): `pre-commit install` once, then every
# commit runs these hooks; they call the tthc on PATH.
---
repos:
  - repo: @SOURCE@
    rev: @REV@
    hooks:
      - id: tthc-fmt
      - id: tthc-lint
)";

std::string units_toml(const NewCatalog& c)
{
    const bool province = c.kind == "province";
    TomlOut t;
    t.raw("# Organisational units that the internal processes (processes/) name in their steps.\n"
          "# Add the departments and offices that handle dossiers; ids are [a-z0-9-].\n\n");
    t.raw("[[unit]]\n");
    t.key("id", std::string("mot-cua"));
    t.key("name", std::string(province ? "Trung tâm Phục vụ hành chính công" : "Bộ phận Một cửa"));
    t.raw("\n[[unit]]\n");
    t.key("id", std::string("lanh-dao"));
    t.key("name", "Lãnh đạo " + c.authority);
    return std::move(t).str();
}

}  // namespace

NewCatalog complete_new_catalog(NewCatalog c)
{
    if (c.id.empty()) throw Error(tr("--id is empty"), tr("give a short identifier such as ha-noi"));
    if (c.id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos)
        throw Error(tr("--id \"{0}\" may hold only a-z, 0-9 and '-'", c.id), tr("for example ha-noi or bo-tu-phap"));
    if (c.kind != "province" && c.kind != "ministry")
        // TRANSLATORS: province and ministry are the values of --kind: keep them
        throw Error(tr("--kind \"{0}\" is neither province nor ministry", c.kind));
    check_line(c.authority, "--authority");
    if (c.authority.empty())
        throw Error(tr("--authority is empty"), tr("give the announcing body, e.g. \"Bộ Tư pháp\""));
    c.authority = to_nfc(c.authority);
    for (const auto& [value, option] : {std::pair<std::string*, const char*>{&c.name, "--name"},
                                         std::pair<std::string*, const char*>{&c.place, "--place"},
                                         std::pair<std::string*, const char*>{&c.agency_id, "--agency-id"}}) {
        check_line(*value, option);
        *value = to_nfc(*value);
    }
    // written unquoted into YAML and run by a shell: a URL's characters only
    for (const auto& [value, option] : {std::pair<const std::string*, const char*>{&c.tthc_source, "--tthc-source"},
                                         std::pair<const std::string*, const char*>{&c.tthc_rev, "--tthc-rev"}})
        if (value->empty() || value->front() == '-' ||
            value->find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._~:/@+-") !=
                std::string::npos)
            // TRANSLATORS: {0} is --tthc-source or --tthc-rev, {1} its value
            throw Error(tr("{0} \"{1}\" is not a git URL or revision", option, *value),
                        tr("it may hold only letters, digits and . _ ~ : / @ + -"));

    const std::string_view authority = c.authority;
    const bool committee = starts_with(authority, ubnd);
    const std::string_view region = committee ? authority.substr(ubnd.size()) : std::string_view();  // "tỉnh Bắc Ninh"
    if (c.name.empty()) {
        if (c.kind == "ministry")
            c.name = "Bộ thủ tục hành chính thuộc phạm vi chức năng quản lý của " + c.authority;
        else if (committee)
            c.name = "Bộ thủ tục hành chính " + std::string(region);
        else
            c.name = "Bộ thủ tục hành chính của " + c.authority;
    }
    if (c.place.empty()) {
        if (c.kind == "ministry") {
            c.place = "Hà Nội";  // the seat of every ministry
        } else {
            for (std::string_view unit : {"tỉnh ", "thành phố "})
                if (starts_with(region, unit)) c.place = std::string(region.substr(unit.size()));
            if (c.place.empty())
                throw Error(tr("cannot tell the place (địa danh) from --authority \"{0}\"", c.authority),
                            tr("give --place, e.g. --place \"Bắc Ninh\""));
        }
    }
    return c;
}

std::vector<ScaffoldFile> scaffold_files(const NewCatalog& c)
{
    CatalogInfo info;
    auto text = [](const std::string& v) { return Text{v, {}, !v.empty()}; };
    info.id = text(c.id);
    info.name = text(c.name);
    info.authority = text(c.authority);
    info.authority_kind = text(c.kind);
    info.agency_id = text(c.agency_id);
    info.place = text(c.place);

    const std::vector<std::pair<std::string_view, std::string>> values = {
        {"NAME", c.name}, {"AUTHORITY", c.authority}, {"SOURCE", c.tthc_source}, {"REV", c.tthc_rev}};
    std::vector<ScaffoldFile> files = {
        {"catalog.toml", "# The catalog's identity (tthc-catalog(5), section 2).\n" + catalog_toml(info)},
        {"units.toml", units_toml(c)},
        {"README.md", fill(readme_template, values)},
        {".gitattributes", std::string(gitattributes)},
        {".github/workflows/tthc.yml", fill(github_template, values)},
        {".gitlab-ci.yml", fill(gitlab_template, values)},
        {".pre-commit-config.yaml", fill(precommit_template, values)},
    };
    for (const char* folder : {"procedures", "abolished", "processes", "plans", "decisions"})
        files.push_back({std::string(folder) + "/.gitkeep", ""});
    std::sort(files.begin(), files.end(), [](const ScaffoldFile& a, const ScaffoldFile& b) { return a.path < b.path; });
    return files;
}

}  // namespace tthc
