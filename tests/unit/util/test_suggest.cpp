#include <catch2/catch.hpp>

#include "util/suggest.hpp"

using namespace tthc;

TEST_CASE("closest_match answers a typo with the nearest name")
{
    const std::vector<std::string_view> keys = {"legal_basis", "levels", "field", "agency"};
    CHECK(closest_match("legal_bass", keys) == std::optional<std::string>("legal_basis"));
    CHECK(closest_match("levles", keys) == std::optional<std::string>("levels"));
}

TEST_CASE("closest_match compares folded text")
{
    const std::vector<std::string_view> names = {"Tờ khai đăng ký khai sinh", "Giấy chứng sinh"};
    CHECK(closest_match("tờ khai  ĐĂNG KÝ khai sinh", names) == std::optional<std::string>("Tờ khai đăng ký khai sinh"));
}

TEST_CASE("closest_match says nothing when no name is close")
{
    const std::vector<std::string_view> keys = {"legal_basis", "levels"};
    CHECK_FALSE(closest_match("fee", keys).has_value());
    CHECK_FALSE(closest_match("anything", {}).has_value());
}
