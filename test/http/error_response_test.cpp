#include "http/error_response.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace styr::http {
namespace {

TEST(StatusFor, MapsEveryErrorCode) {
  EXPECT_EQ(statusFor(app::ErrorCode::invalid_input), 400);
  EXPECT_EQ(statusFor(app::ErrorCode::unauthenticated), 401);
  EXPECT_EQ(statusFor(app::ErrorCode::forbidden), 403);
  EXPECT_EQ(statusFor(app::ErrorCode::not_found), 404);
  EXPECT_EQ(statusFor(app::ErrorCode::conflict), 409);
  EXPECT_EQ(statusFor(app::ErrorCode::locked), 409);
  EXPECT_EQ(statusFor(app::ErrorCode::rule_broken), 422);
}

TEST(ErrorResponse, WritesCodeMessageFieldAndDetails) {
  const auto response = errorResponse(app::Error{
      app::ErrorCode::rule_broken,
      "Uppdraget bryter mot styrkedjan.",
      {{"items[0].recipient", "D1", "Mottagaren saknas."}, {"", "D3", "Ursprung saknas."}}});
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(response.content_type, "application/json");
  EXPECT_EQ(nlohmann::json::parse(response.body), nlohmann::json::parse(R"({"error":{
      "code":"rule_broken","message":"Uppdraget bryter mot styrkedjan.",
      "field":"items[0].recipient","details":[
        {"where":"items[0].recipient","rule":"D1","message":"Mottagaren saknas."},
        {"where":"","rule":"D3","message":"Ursprung saknas."}]}})"));
}

TEST(ErrorResponse, HasANullFieldWithoutAPlace) {
  auto body = nlohmann::json::parse(
      errorResponse(app::Error{app::ErrorCode::not_found, "Finns inte.", {}}).body);
  EXPECT_TRUE(body["error"]["field"].is_null());
  EXPECT_EQ(body["error"]["details"], nlohmann::json::array());

  body = nlohmann::json::parse(
      errorResponse(app::Error{app::ErrorCode::conflict, "Ändrad.", {{"", "", "x"}}}).body);
  EXPECT_TRUE(body["error"]["field"].is_null());
}

TEST(ErrorResponse, WritesProtocolErrorsInTheSameShape) {
  const auto response = errorResponse(413, protocol_error::body_too_large, "Too large.");
  EXPECT_EQ(response.status, 413);
  EXPECT_EQ(nlohmann::json::parse(response.body), nlohmann::json::parse(R"({"error":{
      "code":"body_too_large","message":"Too large.","field":null,"details":[]}})"));
  EXPECT_EQ(bodyNotJson().status, 400);
  EXPECT_EQ(nlohmann::json::parse(bodyNotJson().body)["error"]["code"], "malformed_request");
  EXPECT_EQ(internalError().status, 500);
  EXPECT_EQ(nlohmann::json::parse(internalError().body)["error"]["code"], "internal_error");
}

}  // namespace
}  // namespace styr::http
