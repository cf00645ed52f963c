#include <catch2/catch.hpp>

#include "catalog/search.hpp"
#include "core/values.hpp"
#include "util/error.hpp"

using namespace tthc;

namespace {

Procedure procedure(const std::string& code, const std::string& name, const std::string& field,
                    const std::string& agency = "Ủy ban nhân dân cấp xã", const std::string& basis = "123/2015/NĐ-CP")
{
    Procedure p;
    p.code.value = code;
    p.parsed_code = parse_code(code);
    p.name.value = name;
    p.field.value = field;
    p.agency.value = agency;
    LegalBasis b;
    b.number.value = basis;
    p.legal_basis.push_back(b);
    return p;
}

Catalog sample()
{
    Catalog c;
    c.procedures.push_back(procedure("1.001193", "Thủ tục đăng ký khai sinh", "Hộ tịch"));
    c.procedures.push_back(procedure("1.000689", "Thủ tục đăng ký lại khai sinh", "Hộ tịch"));
    c.procedures.push_back(procedure("2.000001", "Cấp bản sao trích lục hộ tịch", "Hộ tịch"));
    c.procedures.push_back(procedure("1.004873", "Thủ tục cấp Giấy xác nhận tình trạng hôn nhân", "Hộ tịch",
                                     "Ủy ban nhân dân cấp xã", "60/2014/QH13"));
    c.procedures.push_back(procedure("1.012753.H19", "Đăng ký khai sinh kết hợp nhận cha, mẹ, con", "Hộ tịch"));
    c.procedures.push_back(procedure("3.000391", "Chứng thực bản sao từ bản chính", "Chứng thực", "Phòng Tư pháp",
                                     "23/2015/NĐ-CP"));
    return c;
}

std::vector<std::string> codes(const std::vector<SearchHit>& hits)
{
    std::vector<std::string> out;
    for (const auto& h : hits) out.push_back(h.procedure->code.value);
    return out;
}

}  // namespace

TEST_CASE("a search without diacritics finds the name with them")
{
    const Catalog c = sample();
    const auto hits = search_catalog(c, "dang ky khai sinh");
    // phrase in the name first (Vietnamese order of the names), then all the words in the name
    CHECK(codes(hits) == std::vector<std::string>{"1.012753.H19", "1.001193", "1.000689"});
    CHECK(hits[0].rank == SearchRank::phrase);
    CHECK(hits[1].rank == SearchRank::phrase);
    CHECK(hits[2].rank == SearchRank::words);
    REQUIRE(hits[1].matches.size() == 1);
    const FieldMatch& m = hits[1].matches[0];
    CHECK(m.field == SearchField::name);
    REQUIRE(m.spans.size() == 1);
    CHECK(m.text.substr(m.spans[0].first, m.spans[0].second - m.spans[0].first) == "đăng ký khai sinh");
}

TEST_CASE("words of the query match the start of words, in any order")
{
    const Catalog c = sample();
    const auto hits = search_catalog(c, "khai sinh lai");
    REQUIRE(codes(hits) == std::vector<std::string>{"1.000689"});
    CHECK(hits[0].rank == SearchRank::words);
    const FieldMatch& m = hits[0].matches[0];
    REQUIRE(m.spans.size() == 3);  // "lại", "khai", "sinh", in the order of the text
    CHECK(m.text.substr(m.spans[0].first, m.spans[0].second - m.spans[0].first) == "lại");
    CHECK(m.text.substr(m.spans[2].first, m.spans[2].second - m.spans[2].first) == "sinh");
    CHECK(search_catalog(c, "inh").empty());      // inside a word: no match
}

TEST_CASE("an exact code ranks first; a national code finds its provincial instance")
{
    const Catalog c = sample();
    auto hits = search_catalog(c, "1.001193");
    REQUIRE(!hits.empty());
    CHECK(hits[0].procedure->code.value == "1.001193");
    CHECK(hits[0].rank == SearchRank::code);
    hits = search_catalog(c, "1.012753");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].procedure->code.value == "1.012753.H19");
    CHECK(hits[0].rank == SearchRank::code);
}

TEST_CASE("other fields match, and the hit says which")
{
    const Catalog c = sample();
    auto hits = search_catalog(c, "60/2014/QH13");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].rank == SearchRank::field);
    REQUIRE(hits[0].matches.size() == 1);
    CHECK(hits[0].matches[0].field == SearchField::legal_basis);
    CHECK(hits[0].matches[0].text == "60/2014/QH13");

    hits = search_catalog(c, "phong tu phap");
    REQUIRE(codes(hits) == std::vector<std::string>{"3.000391"});
    CHECK(hits[0].matches[0].field == SearchField::agency);

    hits = search_catalog(c, "chung thuc");  // the name and the field: the name wins
    REQUIRE(codes(hits) == std::vector<std::string>{"3.000391"});
    CHECK(hits[0].rank == SearchRank::phrase);
}

TEST_CASE("words spread over several fields rank last")
{
    const Catalog c = sample();
    const auto hits = search_catalog(c, "hon nhan uy ban");
    REQUIRE(codes(hits) == std::vector<std::string>{"1.004873"});
    CHECK(hits[0].rank == SearchRank::spread);
    REQUIRE(hits[0].matches.size() == 2);
    CHECK(hits[0].matches[0].field == SearchField::name);
    CHECK(hits[0].matches[1].field == SearchField::agency);
}

TEST_CASE("a query without a letter or digit is refused; one that matches nothing is empty")
{
    const Catalog c = sample();
    CHECK_THROWS_WITH(search_catalog(c, " -/ "), "the search text ' -/ ' has no letter or digit");
    CHECK(search_catalog(c, "xây dựng").empty());
    CHECK(search_words("Đăng-ký  KHAI") == std::vector<std::string>{"dang", "ky", "khai"});
}
