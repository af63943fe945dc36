// What a confirmation is worth: fresh within the window and until this process changes
// something; a confirmation read before a change never counts; a zero window keeps nothing.

#include "http/quick_reads.hpp"

#include <gtest/gtest.h>

#include <thread>

namespace styr::http {
namespace {

using namespace std::chrono_literals;

app::Caller sectorHead() {
  app::Caller caller;
  caller.actor.organisation = "1441";
  caller.actor.person = "P00003";
  caller.actor.signed_in = true;
  caller.name = "P00003 (sektorschef)";
  caller.username = "sektorschef";
  return caller;
}

TEST(QuickReads, AConfirmationHoldsWithinTheWindowOnly) {
  QuickReads quick(100ms);
  EXPECT_FALSE(quick.session("hash").has_value());
  EXPECT_FALSE(quick.sequence("1441").has_value());
  quick.confirmSession("hash", sectorHead(), quick.epoch());
  quick.confirmSnapshot("1441", 7, quick.epoch());
  ASSERT_TRUE(quick.session("hash").has_value());
  EXPECT_EQ(quick.session("hash")->actor.person, "P00003");
  EXPECT_EQ(quick.sequence("1441"), 7);
  EXPECT_FALSE(quick.session("other").has_value());
  EXPECT_FALSE(quick.sequence("1442").has_value());
  std::this_thread::sleep_for(150ms);
  EXPECT_FALSE(quick.session("hash").has_value());
  EXPECT_FALSE(quick.sequence("1441").has_value());
}

TEST(QuickReads, AChangeHereMakesEveryConfirmationStale) {
  QuickReads quick(std::chrono::minutes(10));
  quick.confirmSession("hash", sectorHead(), quick.epoch());
  quick.confirmSnapshot("1441", 7, quick.epoch());
  quick.changed();
  EXPECT_FALSE(quick.session("hash").has_value());
  EXPECT_FALSE(quick.sequence("1441").has_value());
  quick.confirmSnapshot("1441", 8, quick.epoch());
  EXPECT_EQ(quick.sequence("1441"), 8);
}

TEST(QuickReads, WhatWasReadBeforeAChangeIsNotConfirmed) {
  QuickReads quick(std::chrono::minutes(10));
  const auto before = quick.epoch();  // a worker begins reading the store ...
  quick.changed();                    // ... another commits a change meanwhile
  quick.confirmSession("hash", sectorHead(), before);
  quick.confirmSnapshot("1441", 7, before);
  EXPECT_FALSE(quick.session("hash").has_value());
  EXPECT_FALSE(quick.sequence("1441").has_value());
}

TEST(QuickReads, AnOlderSequenceDoesNotReplaceANewerOne) {
  QuickReads quick(std::chrono::minutes(10));
  quick.confirmSnapshot("1441", 9, quick.epoch());
  quick.confirmSnapshot("1441", 8, quick.epoch());  // a slower worker's read
  EXPECT_EQ(quick.sequence("1441"), 9);
}

TEST(QuickReads, AZeroWindowKeepsNothing) {
  QuickReads quick(0ms);
  quick.confirmSession("hash", sectorHead(), quick.epoch());
  quick.confirmSnapshot("1441", 7, quick.epoch());
  EXPECT_FALSE(quick.session("hash").has_value());
  EXPECT_FALSE(quick.sequence("1441").has_value());
}

}  // namespace
}  // namespace styr::http
