// Who may do what, as one table (docs/permissions.md): each row is an actor, an action, the
// subject's position relative to the actor, the subject, and whether it is allowed. The actors
// and subjects are those of access_world.hpp; "other" subjects are the second organisation's.

#include <gtest/gtest.h>

#include <cctype>
#include <map>
#include <ostream>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "access/permissions.hpp"
#include "access_world.hpp"

namespace styr::access {
namespace {

using testing::kToday;
using testing::World;

constexpr bool kAllow = true;
constexpr bool kDeny = false;

struct Row {
  const char* actor;
  Action action;
  const char* position;
  const char* subject;
  bool allowed;
};

void PrintTo(const Row& row, std::ostream* out) {
  *out << row.actor << " | " << toString(row.action) << " | " << row.position << " | "
       << row.subject << " | " << (row.allowed ? "allow" : "deny");
}

using enum Action;

// clang-format off
const std::vector<Row> kTable = {
    // --- read_item -----------------------------------------------------------------------------
    {"nobody", read_item, "council goal", "item KF-M01", kAllow},
    {"nobody", read_item, "council draft", "item KF-D01", kDeny},
    {"nobody", read_item, "board's assignment", "item KS-U01", kDeny},
    {"nobody", read_item, "a unit's activity", "item ENH-A01", kDeny},
    {"nobody", read_item, "another organisation's council goal", "other item KF-M01", kAllow},
    {"employee", read_item, "addressed to me personally", "item ENH-A01", kAllow},
    {"employee", read_item, "issued by my unit (to a colleague)", "item ENH-A02", kAllow},
    {"employee", read_item, "issued by my unit", "item ENH-U01", kAllow},
    {"employee", read_item, "received by my unit", "item SEK-U01", kAllow},
    {"employee", read_item, "draft issued by my unit", "item ENH-D01", kDeny},
    {"employee", read_item, "draft received by my unit", "item SEK-D01", kDeny},
    {"employee", read_item, "draft addressed to me personally", "item ENH-D02", kDeny},
    {"employee", read_item, "subtree", "item ARB-A01", kDeny},
    {"employee", read_item, "sibling", "item SEK-U02", kDeny},
    {"employee", read_item, "parent", "item KD-U01", kDeny},
    {"employee", read_item, "another sector", "item SEK2-U01", kDeny},
    {"employee", read_item, "council goal", "item KF-M01", kAllow},
    {"employee", read_item, "another organisation", "other item ENH-A01", kDeny},
    {"unit manager", read_item, "received by my unit", "item SEK-U01", kAllow},
    {"unit manager", read_item, "issued by my unit", "item ENH-U01", kAllow},
    {"unit manager", read_item, "draft issued by my unit", "item ENH-D01", kAllow},
    {"unit manager", read_item, "draft issued by my unit to my member", "item ENH-D02", kAllow},
    {"unit manager", read_item, "draft received by my unit", "item SEK-D01", kDeny},
    {"unit manager", read_item, "issued by my unit to my member", "item ENH-A01", kAllow},
    {"unit manager", read_item, "subtree (to a workplace employee)", "item ARB-A01", kAllow},
    {"unit manager", read_item, "sibling", "item SEK-U02", kDeny},
    {"unit manager", read_item, "sibling (to its employee)", "item ENH3-A01", kDeny},
    {"unit manager", read_item, "parent", "item KD-U01", kDeny},
    {"unit manager", read_item, "another sector", "item SEK2-U01", kDeny},
    {"unit manager", read_item, "council goal", "item KF-B01", kAllow},
    {"unit manager", read_item, "another organisation", "other item SEK-U01", kDeny},
    {"sector head", read_item, "received by my unit", "item KD-U01", kAllow},
    {"sector head", read_item, "issued by my unit", "item SEK-U01", kAllow},
    {"sector head", read_item, "draft issued by my unit", "item SEK-D01", kAllow},
    {"sector head", read_item, "subtree draft", "item ENH-D01", kAllow},
    {"sector head", read_item, "subtree", "item ARB-A01", kAllow},
    {"sector head", read_item, "subtree (another unit's employee)", "item ENH3-A01", kAllow},
    {"sector head", read_item, "another sector", "item SEK2-U01", kDeny},
    {"sector head", read_item, "sibling", "item KD-U02", kDeny},
    {"sector head", read_item, "parent", "item KS-U01", kDeny},
    {"sector head", read_item, "parent's draft to a sibling", "item KD-D01", kDeny},
    {"sector head", read_item, "another organisation", "other item KD-U01", kDeny},
    {"chief executive", read_item, "received by my unit", "item KS-U01", kAllow},
    {"chief executive", read_item, "issued by my unit", "item KD-U01", kAllow},
    {"chief executive", read_item, "draft issued by my unit", "item KD-D01", kAllow},
    {"chief executive", read_item, "subtree", "item SEK2-U01", kAllow},
    {"chief executive", read_item, "subtree (to an employee)", "item ENH-A01", kAllow},
    {"chief executive", read_item, "subtree draft", "item ENH-D01", kAllow},
    {"chief executive", read_item, "draft received by my unit", "item KS-D01", kDeny},
    {"chief executive", read_item, "council goal", "item KF-B01", kAllow},
    {"chief executive", read_item, "council draft", "item KF-D01", kDeny},
    {"chief executive", read_item, "another organisation", "other item KS-U01", kDeny},
    {"council member", read_item, "issued by my body", "item KF-M01", kAllow},
    {"council member", read_item, "issued by my body", "item KF-B01", kAllow},
    {"council member", read_item, "draft of my body", "item KF-D01", kDeny},
    {"council member", read_item, "subtree", "item KS-U01", kDeny},
    {"council member", read_item, "subtree (to an employee)", "item ENH-A01", kDeny},
    {"council member", read_item, "another organisation", "other item KF-M01", kDeny},
    {"board chair", read_item, "received by my body", "item KF-B01", kAllow},
    {"board chair", read_item, "issued by my body", "item KS-U01", kAllow},
    {"board chair", read_item, "draft of my body", "item KS-D01", kDeny},
    {"board chair", read_item, "subtree", "item KD-U01", kDeny},
    {"board chair", read_item, "another sector", "item SEK2-U01", kDeny},
    {"board chair", read_item, "another organisation", "other item KS-U01", kDeny},
    {"secretary", read_item, "draft of my body", "item KS-D01", kAllow},
    {"secretary", read_item, "draft of my body", "item KF-D01", kAllow},
    {"secretary", read_item, "a unit's draft", "item ENH-D01", kAllow},
    {"secretary", read_item, "another sector", "item SEK2-U01", kAllow},
    {"secretary", read_item, "another organisation", "other item KS-U01", kDeny},
    {"controller", read_item, "a unit's draft", "item ENH-D01", kAllow},
    {"controller", read_item, "a sector's draft", "item SEK-D01", kAllow},
    {"controller", read_item, "council draft", "item KF-D01", kAllow},
    {"controller", read_item, "another sector", "item SEK2-U01", kAllow},
    {"controller", read_item, "an employee's activity", "item ENH-A01", kAllow},
    {"controller", read_item, "another organisation", "other item ENH-A01", kDeny},
    {"administrator", read_item, "council goal (public)", "item KF-M01", kAllow},
    {"administrator", read_item, "received by my unit", "item KS-U01", kDeny},
    {"administrator", read_item, "issued by my unit", "item KD-U01", kDeny},
    {"administrator", read_item, "a unit's draft", "item ENH-D01", kDeny},
    {"administrator", read_item, "another organisation", "other item KF-M01", kDeny},
    {"token read (unit manager)", read_item, "received by my unit", "item SEK-U01", kAllow},
    {"token read (unit manager)", read_item, "another sector", "item SEK2-U01", kDeny},
    {"token read (unit manager)", read_item, "draft issued by my unit", "item ENH-D01", kAllow},
    {"token write (unit manager)", read_item, "received by my unit", "item SEK-U01", kDeny},
    {"token none (controller)", read_item, "council goal", "item KF-M01", kDeny},
    {"token import (controller)", read_item, "an employee's activity", "item ENH-A01", kDeny},
    {"token all (unit manager)", read_item, "subtree", "item ARB-A01", kAllow},

    // --- create_item (the draft as proposed: issuer>recipient) ----------------------------------
    {"nobody", create_item, "own unit to subtree", "new ENH>ARB", kDeny},
    {"employee", create_item, "own unit to subtree", "new ENH>ARB", kDeny},
    {"employee", create_item, "own unit to a colleague", "new ENH>P-EMP2", kDeny},
    {"unit manager", create_item, "own unit to subtree", "new ENH>ARB", kAllow},
    {"unit manager", create_item, "own unit to my member", "new ENH>P-EMP", kAllow},
    {"unit manager", create_item, "own unit to sibling", "new ENH>ENH3", kDeny},
    {"unit manager", create_item, "own unit to another sector", "new ENH>ENH2", kDeny},
    {"unit manager", create_item, "parent as issuer", "new SEK>ENH", kDeny},
    {"unit manager", create_item, "subtree as issuer", "new ARB>P-ARB", kDeny},
    {"unit manager", create_item, "own unit to a sibling's employee", "new ENH>P-EMP3", kDeny},
    {"unit manager", create_item, "own unit to a subtree employee", "new ENH>P-ARB", kDeny},
    {"unit manager", create_item, "another organisation", "other new ENH>ARB", kDeny},
    {"sector head", create_item, "own unit to subtree", "new SEK>ENH", kAllow},
    {"sector head", create_item, "own unit to deeper subtree", "new SEK>ARB", kAllow},
    {"sector head", create_item, "own unit to another sector", "new SEK>ENH2", kDeny},
    {"sector head", create_item, "subtree as issuer", "new ENH>ARB", kDeny},
    {"sector head", create_item, "parent as issuer", "new KD>SEK", kDeny},
    {"sector head", create_item, "own unit to parent", "new SEK>KD", kDeny},
    {"chief executive", create_item, "own unit to subtree", "new KD>SEK", kAllow},
    {"chief executive", create_item, "own unit to subtree", "new KD>SEK2", kAllow},
    {"chief executive", create_item, "parent as issuer", "new KS>KD", kDeny},
    {"chief executive", create_item, "subtree as issuer", "new SEK>ENH", kDeny},
    {"council member", create_item, "my body as issuer", "new KF>KS", kDeny},
    {"board chair", create_item, "my body as issuer", "new KS>KD", kDeny},
    {"secretary", create_item, "my body as issuer", "new KS>KD", kAllow},
    {"secretary", create_item, "my body as issuer", "new KF>KS", kAllow},
    {"secretary", create_item, "my body to its parent", "new KS>KF", kDeny},
    {"secretary", create_item, "subtree as issuer", "new KD>SEK", kDeny},
    {"controller", create_item, "own unit as issuer", "new KD>SEK", kDeny},
    {"controller", create_item, "subtree as issuer", "new ENH>ARB", kDeny},
    {"administrator", create_item, "own unit as issuer", "new KD>SEK", kDeny},
    {"token write (unit manager)", create_item, "own unit to subtree", "new ENH>ARB", kAllow},
    {"token write (unit manager)", create_item, "own unit to sibling", "new ENH>ENH3", kDeny},
    {"token read (unit manager)", create_item, "own unit to subtree", "new ENH>ARB", kDeny},
    {"token write (secretary)", create_item, "my body as issuer", "new KS>KD", kAllow},

    // --- edit_what ------------------------------------------------------------------------------
    {"nobody", edit_what, "a unit's assignment", "item ENH-U01", kDeny},
    {"employee", edit_what, "addressed to me personally", "item ENH-A01", kDeny},
    {"employee", edit_what, "issued by my unit", "item ENH-U01", kDeny},
    {"unit manager", edit_what, "issued by my unit", "item ENH-U01", kAllow},
    {"unit manager", edit_what, "issued by my unit to my member", "item ENH-A01", kAllow},
    {"unit manager", edit_what, "draft issued by my unit", "item ENH-D01", kAllow},
    {"unit manager", edit_what, "received by my unit", "item SEK-U01", kDeny},
    {"unit manager", edit_what, "subtree", "item ARB-A01", kDeny},
    {"unit manager", edit_what, "sibling", "item SEK-U02", kDeny},
    {"unit manager", edit_what, "another sector", "item SEK2-U01", kDeny},
    {"unit manager", edit_what, "another organisation", "other item ENH-U01", kDeny},
    {"sector head", edit_what, "issued by my unit", "item SEK-U01", kAllow},
    {"sector head", edit_what, "draft issued by my unit", "item SEK-D01", kAllow},
    {"sector head", edit_what, "subtree", "item ENH-U01", kDeny},
    {"sector head", edit_what, "received by my unit", "item KD-U01", kDeny},
    {"sector head", edit_what, "another sector", "item SEK2-U01", kDeny},
    {"chief executive", edit_what, "issued by my unit", "item KD-U01", kAllow},
    {"chief executive", edit_what, "issued by my unit", "item KD-U02", kAllow},
    {"chief executive", edit_what, "received by my unit", "item KS-U01", kDeny},
    {"chief executive", edit_what, "subtree", "item SEK-U01", kDeny},
    {"council member", edit_what, "issued by my body", "item KF-M01", kDeny},
    {"board chair", edit_what, "issued by my body", "item KS-U01", kDeny},
    {"secretary", edit_what, "issued by my body", "item KS-U01", kAllow},
    {"secretary", edit_what, "issued by my body", "item KF-B01", kAllow},
    {"secretary", edit_what, "subtree", "item KD-U01", kDeny},
    {"controller", edit_what, "issued by my unit", "item KD-U01", kDeny},
    {"controller", edit_what, "subtree", "item SEK-U01", kDeny},
    {"administrator", edit_what, "issued by my unit", "item KD-U01", kDeny},
    {"token write (unit manager)", edit_what, "issued by my unit", "item ENH-U01", kAllow},
    {"token write (unit manager)", edit_what, "received by my unit", "item SEK-U01", kDeny},
    {"token read (unit manager)", edit_what, "issued by my unit", "item ENH-U01", kDeny},

    // --- issue_item -----------------------------------------------------------------------------
    {"nobody", issue_item, "a unit's draft", "item ENH-D01", kDeny},
    {"employee", issue_item, "draft addressed to me personally", "item ENH-D02", kDeny},
    {"unit manager", issue_item, "draft issued by my unit", "item ENH-D01", kAllow},
    {"unit manager", issue_item, "draft issued by my unit to my member", "item ENH-D02", kAllow},
    {"unit manager", issue_item, "draft received by my unit", "item SEK-D01", kDeny},
    {"unit manager", issue_item, "another organisation", "other item ENH-D01", kDeny},
    {"sector head", issue_item, "draft issued by my unit", "item SEK-D01", kAllow},
    {"sector head", issue_item, "subtree draft", "item ENH-D01", kDeny},
    {"chief executive", issue_item, "draft issued by my unit", "item KD-D01", kAllow},
    {"chief executive", issue_item, "draft received by my unit", "item KS-D01", kDeny},
    {"council member", issue_item, "draft of my body", "item KF-D01", kDeny},
    {"board chair", issue_item, "draft of my body", "item KS-D01", kDeny},
    {"secretary", issue_item, "draft of my body", "item KS-D01", kAllow},
    {"secretary", issue_item, "draft of my body", "item KF-D01", kAllow},
    {"secretary", issue_item, "a unit's draft", "item ENH-D01", kDeny},
    {"controller", issue_item, "a unit's draft", "item ENH-D01", kDeny},
    {"administrator", issue_item, "a body's draft", "item KS-D01", kDeny},
    {"token write (unit manager)", issue_item, "draft issued by my unit", "item ENH-D01", kAllow},
    {"token import (controller)", issue_item, "a unit's draft", "item ENH-D01", kDeny},

    // --- cancel_item ----------------------------------------------------------------------------
    {"nobody", cancel_item, "a unit's assignment", "item ENH-U01", kDeny},
    {"employee", cancel_item, "addressed to me personally", "item ENH-A01", kDeny},
    {"unit manager", cancel_item, "issued by my unit", "item ENH-U01", kAllow},
    {"unit manager", cancel_item, "issued by my unit to my member", "item ENH-A01", kAllow},
    {"unit manager", cancel_item, "received by my unit", "item SEK-U01", kDeny},
    {"unit manager", cancel_item, "sibling", "item SEK-U02", kDeny},
    {"sector head", cancel_item, "issued by my unit", "item SEK-U01", kAllow},
    {"sector head", cancel_item, "issued by my unit", "item SEK-U02", kAllow},
    {"sector head", cancel_item, "subtree", "item ENH-U01", kDeny},
    {"sector head", cancel_item, "received by my unit", "item KD-U01", kDeny},
    {"chief executive", cancel_item, "issued by my unit", "item KD-U02", kAllow},
    {"chief executive", cancel_item, "received by my unit", "item KS-U01", kDeny},
    {"council member", cancel_item, "issued by my body", "item KF-B01", kDeny},
    {"board chair", cancel_item, "issued by my body", "item KS-U01", kDeny},
    {"secretary", cancel_item, "issued by my body", "item KF-B01", kAllow},
    {"secretary", cancel_item, "issued by my body", "item KS-U01", kAllow},
    {"controller", cancel_item, "a sector's assignment", "item SEK-U01", kDeny},
    {"administrator", cancel_item, "a sector's assignment", "item SEK-U01", kDeny},
    {"token write (unit manager)", cancel_item, "issued by my unit", "item ENH-U01", kAllow},
    {"token administer (administrator)", cancel_item, "a unit's assignment", "item ENH-U01", kDeny},

    // --- acknowledge_item -----------------------------------------------------------------------
    {"nobody", acknowledge_item, "an employee's activity", "item ENH-A01", kDeny},
    {"employee", acknowledge_item, "addressed to me personally", "item ENH-A01", kAllow},
    {"employee", acknowledge_item, "addressed to a colleague", "item ENH-A02", kDeny},
    {"employee", acknowledge_item, "received by my unit", "item SEK-U01", kDeny},
    {"employee", acknowledge_item, "draft addressed to me personally", "item ENH-D02", kDeny},
    {"employee", acknowledge_item, "another organisation", "other item ENH-A01", kDeny},
    {"unit manager", acknowledge_item, "received by my unit", "item SEK-U01", kAllow},
    {"unit manager", acknowledge_item, "draft received by my unit", "item SEK-D01", kDeny},
    {"unit manager", acknowledge_item, "issued by my unit to my member", "item ENH-A01", kDeny},
    {"unit manager", acknowledge_item, "issued by my unit", "item ENH-U01", kDeny},
    {"unit manager", acknowledge_item, "sibling", "item SEK-U02", kDeny},
    {"sector head", acknowledge_item, "received by my unit", "item KD-U01", kAllow},
    {"sector head", acknowledge_item, "issued by my unit", "item SEK-U01", kDeny},
    {"sector head", acknowledge_item, "subtree", "item ENH-U01", kDeny},
    {"chief executive", acknowledge_item, "received by my unit", "item KS-U01", kAllow},
    {"chief executive", acknowledge_item, "issued by my unit", "item KD-U01", kDeny},
    {"chief executive", acknowledge_item, "draft received by my unit", "item KS-D01", kDeny},
    {"council member", acknowledge_item, "issued by my body", "item KF-M01", kDeny},
    {"board chair", acknowledge_item, "received by my body", "item KF-B01", kDeny},
    {"secretary", acknowledge_item, "received by my body", "item KF-B01", kAllow},
    {"secretary", acknowledge_item, "issued by my body", "item KS-U01", kDeny},
    {"controller", acknowledge_item, "a sector's assignment", "item KD-U01", kDeny},
    {"administrator", acknowledge_item, "received by my unit", "item KS-U01", kDeny},
    {"token write (unit manager)", acknowledge_item, "received by my unit", "item SEK-U01", kAllow},
    {"token read (unit manager)", acknowledge_item, "received by my unit", "item SEK-U01", kDeny},

    // --- edit_how -------------------------------------------------------------------------------
    {"nobody", edit_how, "a unit's assignment", "item SEK-U01", kDeny},
    {"employee", edit_how, "addressed to me personally", "item ENH-A01", kAllow},
    {"employee", edit_how, "addressed to a colleague", "item ENH-A02", kDeny},
    {"employee", edit_how, "received by my unit", "item SEK-U01", kDeny},
    {"unit manager", edit_how, "received by my unit", "item SEK-U01", kAllow},
    {"unit manager", edit_how, "issued by my unit", "item ENH-U01", kDeny},
    {"unit manager", edit_how, "issued by my unit to my member", "item ENH-A01", kDeny},
    {"unit manager", edit_how, "parent", "item KD-U01", kDeny},
    {"unit manager", edit_how, "sibling", "item SEK-U02", kDeny},
    {"unit manager", edit_how, "another sector", "item SEK2-U01", kDeny},
    {"unit manager", edit_how, "another organisation", "other item SEK-U01", kDeny},
    {"sector head", edit_how, "received by my unit", "item KD-U01", kAllow},
    {"sector head", edit_how, "issued by my unit", "item SEK-U01", kDeny},
    {"sector head", edit_how, "sibling", "item KD-U02", kDeny},
    {"chief executive", edit_how, "received by my unit", "item KS-U01", kAllow},
    {"chief executive", edit_how, "issued by my unit", "item KD-U01", kDeny},
    {"chief executive", edit_how, "subtree", "item SEK-U01", kDeny},
    {"council member", edit_how, "issued by my body", "item KF-M01", kDeny},
    {"board chair", edit_how, "received by my body", "item KF-B01", kDeny},
    {"secretary", edit_how, "received by my body", "item KF-B01", kAllow},
    {"secretary", edit_how, "received by my body", "item KF-M01", kAllow},
    {"controller", edit_how, "a unit's assignment", "item SEK-U01", kDeny},
    {"administrator", edit_how, "a unit's assignment", "item SEK-U01", kDeny},
    {"token write (unit manager)", edit_how, "received by my unit", "item SEK-U01", kAllow},

    // --- complete_item --------------------------------------------------------------------------
    {"nobody", complete_item, "an employee's activity", "item ENH-A01", kDeny},
    {"employee", complete_item, "addressed to me personally", "item ENH-A01", kAllow},
    {"employee", complete_item, "addressed to a colleague", "item ENH-A02", kDeny},
    {"unit manager", complete_item, "received by my unit", "item SEK-U01", kAllow},
    {"unit manager", complete_item, "issued by my unit", "item ENH-U01", kDeny},
    {"unit manager", complete_item, "issued by my unit to my member", "item ENH-A01", kDeny},
    {"sector head", complete_item, "received by my unit", "item KD-U01", kAllow},
    {"sector head", complete_item, "issued by my unit", "item SEK-U01", kDeny},
    {"chief executive", complete_item, "received by my unit", "item KS-U01", kAllow},
    {"chief executive", complete_item, "issued by my unit", "item KD-U02", kDeny},
    {"council member", complete_item, "issued by my body", "item KF-B01", kDeny},
    {"board chair", complete_item, "received by my body", "item KF-B01", kDeny},
    {"secretary", complete_item, "received by my body", "item KF-B01", kAllow},
    {"controller", complete_item, "a sector's assignment", "item KD-U01", kDeny},
    {"administrator", complete_item, "a sector's assignment", "item KD-U01", kDeny},
    {"token write (unit manager)", complete_item, "received by my unit", "item SEK-U01", kAllow},
    {"token read (unit manager)", complete_item, "received by my unit", "item SEK-U01", kDeny},

    // --- read_document --------------------------------------------------------------------------
    {"nobody", read_document, "decided (council)", "doc VISION", kAllow},
    {"nobody", read_document, "decided (council)", "doc BUD25", kAllow},
    {"nobody", read_document, "superseded (board)", "doc VP24", kAllow},
    {"nobody", read_document, "draft (board)", "doc VP26", kDeny},
    {"nobody", read_document, "draft (sector)", "doc POL-SEK", kDeny},
    {"nobody", read_document, "another organisation, decided", "other doc BUD25", kAllow},
    {"employee", read_document, "decided (board)", "doc VP25", kAllow},
    {"employee", read_document, "draft (board)", "doc VP26", kDeny},
    {"employee", read_document, "decided (parent of my unit)", "doc RIKT-SEK", kAllow},
    {"employee", read_document, "draft (parent of my unit)", "doc POL-SEK", kDeny},
    {"employee", read_document, "another organisation", "other doc VP25", kDeny},
    {"unit manager", read_document, "decided (parent)", "doc RIKT-SEK", kAllow},
    {"unit manager", read_document, "draft (parent)", "doc POL-SEK", kDeny},
    {"unit manager", read_document, "draft (board)", "doc VP26", kDeny},
    {"sector head", read_document, "draft (own unit)", "doc POL-SEK", kAllow},
    {"sector head", read_document, "draft (board)", "doc VP26", kDeny},
    {"chief executive", read_document, "draft (subtree)", "doc POL-SEK", kAllow},
    {"chief executive", read_document, "draft (parent board)", "doc VP26", kDeny},
    {"council member", read_document, "draft (my body)", "doc BUD26", kDeny},
    {"council member", read_document, "decided (my body)", "doc BUD25", kAllow},
    {"board chair", read_document, "draft (my body)", "doc VP26", kDeny},
    {"board chair", read_document, "decided (my body)", "doc VP25", kAllow},
    {"secretary", read_document, "draft (my body)", "doc VP26", kAllow},
    {"secretary", read_document, "draft (my body)", "doc BUD26", kAllow},
    {"secretary", read_document, "draft (a sector)", "doc POL-SEK", kAllow},
    {"controller", read_document, "draft (board)", "doc VP26", kAllow},
    {"controller", read_document, "draft (a sector)", "doc POL-SEK", kAllow},
    {"administrator", read_document, "decided (public)", "doc VP25", kAllow},
    {"administrator", read_document, "draft (a sector)", "doc POL-SEK", kDeny},
    {"administrator", read_document, "draft (board)", "doc VP26", kDeny},
    {"token read (unit manager)", read_document, "decided (parent)", "doc RIKT-SEK", kAllow},
    {"token write (unit manager)", read_document, "decided (parent)", "doc RIKT-SEK", kDeny},
    {"token none (controller)", read_document, "decided (council)", "doc VISION", kDeny},

    // --- create_document (a proposed draft, by its deciding body) ------------------------------
    {"nobody", create_document, "a body's", "new doc KS", kDeny},
    {"employee", create_document, "own unit", "new doc ENH", kDeny},
    {"unit manager", create_document, "own unit", "new doc ENH", kAllow},
    {"unit manager", create_document, "parent", "new doc SEK", kDeny},
    {"unit manager", create_document, "subtree", "new doc ARB", kDeny},
    {"sector head", create_document, "own unit", "new doc SEK", kAllow},
    {"sector head", create_document, "subtree", "new doc ENH", kDeny},
    {"sector head", create_document, "the board", "new doc KS", kDeny},
    {"chief executive", create_document, "own unit", "new doc KD", kAllow},
    {"chief executive", create_document, "parent (board)", "new doc KS", kDeny},
    {"council member", create_document, "my body", "new doc KF", kDeny},
    {"board chair", create_document, "my body", "new doc KS", kDeny},
    {"secretary", create_document, "my body", "new doc KS", kAllow},
    {"secretary", create_document, "my body", "new doc KF", kAllow},
    {"secretary", create_document, "a sector", "new doc SEK", kDeny},
    {"controller", create_document, "the board", "new doc KS", kDeny},
    {"administrator", create_document, "the board", "new doc KS", kDeny},
    {"token write (unit manager)", create_document, "own unit", "new doc ENH", kAllow},
    {"token read (unit manager)", create_document, "own unit", "new doc ENH", kDeny},
    {"token write (secretary)", create_document, "my body", "new doc KF", kAllow},

    // --- revise_document ------------------------------------------------------------------------
    {"nobody", revise_document, "board's", "doc VP25", kDeny},
    {"employee", revise_document, "parent's", "doc RIKT-SEK", kDeny},
    {"unit manager", revise_document, "parent's", "doc RIKT-SEK", kDeny},
    {"sector head", revise_document, "own unit's, decided", "doc RIKT-SEK", kAllow},
    {"sector head", revise_document, "own unit's, draft", "doc POL-SEK", kAllow},
    {"chief executive", revise_document, "subtree's", "doc RIKT-SEK", kDeny},
    {"chief executive", revise_document, "parent board's", "doc VP25", kDeny},
    {"council member", revise_document, "my body's", "doc BUD25", kDeny},
    {"board chair", revise_document, "my body's", "doc VP25", kDeny},
    {"secretary", revise_document, "my body's, decided", "doc VP25", kAllow},
    {"secretary", revise_document, "my body's, decided", "doc BUD25", kAllow},
    {"secretary", revise_document, "my body's, draft", "doc VP26", kAllow},
    {"secretary", revise_document, "a sector's", "doc RIKT-SEK", kDeny},
    {"secretary", revise_document, "another organisation", "other doc VP25", kDeny},
    {"controller", revise_document, "council's", "doc BUD25", kDeny},
    {"administrator", revise_document, "board's", "doc VP25", kDeny},
    {"token write (unit manager)", revise_document, "parent's", "doc RIKT-SEK", kDeny},
    {"token write (secretary)", revise_document, "my body's", "doc VP25", kAllow},

    // --- record_decision ------------------------------------------------------------------------
    {"nobody", record_decision, "board's draft", "doc VP26", kDeny},
    {"employee", record_decision, "parent's draft", "doc POL-SEK", kDeny},
    {"unit manager", record_decision, "parent's draft", "doc POL-SEK", kDeny},
    {"sector head", record_decision, "own unit's draft", "doc POL-SEK", kAllow},
    {"chief executive", record_decision, "subtree's draft", "doc POL-SEK", kDeny},
    {"chief executive", record_decision, "parent board's draft", "doc VP26", kDeny},
    {"council member", record_decision, "my body's draft", "doc BUD26", kDeny},
    {"board chair", record_decision, "my body's draft", "doc VP26", kDeny},
    {"secretary", record_decision, "my body's draft", "doc VP26", kAllow},
    {"secretary", record_decision, "my body's draft", "doc BUD26", kAllow},
    {"secretary", record_decision, "a sector's draft", "doc POL-SEK", kDeny},
    {"secretary", record_decision, "another organisation", "other doc VP26", kDeny},
    {"controller", record_decision, "board's draft", "doc VP26", kDeny},
    {"administrator", record_decision, "board's draft", "doc VP26", kDeny},
    {"token write (secretary)", record_decision, "my body's draft", "doc VP26", kAllow},
    {"token read (unit manager)", record_decision, "parent's draft", "doc POL-SEK", kDeny},

    // --- read_units -----------------------------------------------------------------------------
    {"nobody", read_units, "whole organisation", "org", kDeny},
    {"nobody", read_units, "a unit", "unit ENH", kDeny},
    {"employee", read_units, "whole organisation", "org", kAllow},
    {"employee", read_units, "another sector", "unit SEK2", kAllow},
    {"employee", read_units, "another organisation", "other org", kDeny},
    {"unit manager", read_units, "sibling", "unit ENH3", kAllow},
    {"sector head", read_units, "whole organisation", "org", kAllow},
    {"chief executive", read_units, "whole organisation", "org", kAllow},
    {"council member", read_units, "whole organisation", "org", kAllow},
    {"board chair", read_units, "whole organisation", "org", kAllow},
    {"secretary", read_units, "whole organisation", "org", kAllow},
    {"controller", read_units, "whole organisation", "org", kAllow},
    {"administrator", read_units, "whole organisation", "org", kAllow},
    {"token read (unit manager)", read_units, "whole organisation", "org", kAllow},
    {"token write (unit manager)", read_units, "whole organisation", "org", kDeny},
    {"token administer (administrator)", read_units, "whole organisation", "org", kDeny},

    // --- read_people ----------------------------------------------------------------------------
    {"nobody", read_people, "a person", "person P-EMP", kDeny},
    {"employee", read_people, "own record", "person P-EMP", kAllow},
    {"employee", read_people, "a colleague", "person P-EMP2", kDeny},
    {"employee", read_people, "own unit", "unit ENH", kDeny},
    {"employee", read_people, "whole organisation", "org", kDeny},
    {"unit manager", read_people, "own unit's member", "person P-EMP", kAllow},
    {"unit manager", read_people, "subtree's member", "person P-ARB", kAllow},
    {"unit manager", read_people, "sibling's member", "person P-EMP3", kDeny},
    {"unit manager", read_people, "parent's head", "person P-SEK", kDeny},
    {"unit manager", read_people, "own unit", "unit ENH", kAllow},
    {"unit manager", read_people, "subtree", "unit ARB", kAllow},
    {"unit manager", read_people, "sibling", "unit ENH3", kDeny},
    {"unit manager", read_people, "whole organisation", "org", kDeny},
    {"unit manager", read_people, "another organisation", "other person P-EMP", kDeny},
    {"sector head", read_people, "subtree's member", "person P-EMP3", kAllow},
    {"sector head", read_people, "another sector's head", "person P-SEK2", kDeny},
    {"sector head", read_people, "own unit", "unit SEK", kAllow},
    {"sector head", read_people, "parent's head", "person P-KD", kDeny},
    {"chief executive", read_people, "subtree's head", "person P-SEK2", kAllow},
    {"chief executive", read_people, "subtree", "unit SEK2", kAllow},
    {"chief executive", read_people, "parent's chair", "person P-KS1", kDeny},
    {"chief executive", read_people, "whole organisation", "org", kDeny},
    {"council member", read_people, "own record", "person P-KF2", kAllow},
    {"council member", read_people, "my body's chair", "person P-KFO", kDeny},
    {"board chair", read_people, "own record", "person P-KS1", kAllow},
    {"board chair", read_people, "subtree's head", "person P-KD", kDeny},
    {"secretary", read_people, "whole organisation", "org", kAllow},
    {"controller", read_people, "whole organisation", "org", kAllow},
    {"controller", read_people, "a politician", "person P-KS1", kAllow},
    {"administrator", read_people, "whole organisation", "org", kAllow},
    {"administrator", read_people, "an employee", "person P-EMP", kAllow},
    {"token read (unit manager)", read_people, "own unit's member", "person P-EMP", kAllow},
    {"token administer (administrator)", read_people, "whole organisation", "org", kDeny},

    // --- manage_memberships ---------------------------------------------------------------------
    {"nobody", manage_memberships, "a unit", "unit ENH", kDeny},
    {"employee", manage_memberships, "own record", "person P-EMP", kDeny},
    {"unit manager", manage_memberships, "own unit", "unit ENH", kDeny},
    {"sector head", manage_memberships, "own unit", "unit SEK", kDeny},
    {"chief executive", manage_memberships, "whole organisation", "org", kDeny},
    {"council member", manage_memberships, "own record", "person P-KF2", kDeny},
    {"board chair", manage_memberships, "my body's member", "person P-KS2", kDeny},
    {"secretary", manage_memberships, "an employee", "person P-EMP", kDeny},
    {"controller", manage_memberships, "an employee", "person P-EMP", kDeny},
    {"administrator", manage_memberships, "an employee", "person P-EMP", kAllow},
    {"administrator", manage_memberships, "a unit", "unit ENH", kAllow},
    {"administrator", manage_memberships, "own record", "person P-ADM", kDeny},
    {"administrator", manage_memberships, "another organisation", "other person P-EMP", kDeny},
    {"token administer (administrator)", manage_memberships, "an employee", "person P-EMP", kAllow},
    {"token all (unit manager)", manage_memberships, "own unit's member", "person P-EMP", kDeny},

    // --- manage_accounts ------------------------------------------------------------------------
    {"nobody", manage_accounts, "a person", "person P-EMP", kDeny},
    {"employee", manage_accounts, "own record", "person P-EMP", kDeny},
    {"unit manager", manage_accounts, "own unit's member", "person P-EMP", kDeny},
    {"sector head", manage_accounts, "subtree's member", "person P-EMP", kDeny},
    {"chief executive", manage_accounts, "subtree's member", "person P-EMP", kDeny},
    {"council member", manage_accounts, "own record", "person P-KF2", kDeny},
    {"board chair", manage_accounts, "own record", "person P-KS1", kDeny},
    {"secretary", manage_accounts, "an employee", "person P-EMP", kDeny},
    {"controller", manage_accounts, "an employee", "person P-EMP", kDeny},
    {"administrator", manage_accounts, "an employee", "person P-EMP", kAllow},
    {"administrator", manage_accounts, "own record", "person P-ADM", kAllow},
    {"administrator", manage_accounts, "another organisation", "other person P-EMP", kDeny},
    {"token administer (administrator)", manage_accounts, "an employee", "person P-EMP", kAllow},
    {"token read (unit manager)", manage_accounts, "own record", "person P-ENH", kDeny},

    // --- manage_tokens --------------------------------------------------------------------------
    {"nobody", manage_tokens, "a person", "person P-EMP", kDeny},
    {"employee", manage_tokens, "own record", "person P-EMP", kAllow},
    {"employee", manage_tokens, "a colleague", "person P-EMP2", kDeny},
    {"unit manager", manage_tokens, "own record", "person P-ENH", kAllow},
    {"unit manager", manage_tokens, "own unit's member", "person P-EMP", kDeny},
    {"sector head", manage_tokens, "subtree's head", "person P-ENH", kDeny},
    {"chief executive", manage_tokens, "own record", "person P-KD", kAllow},
    {"council member", manage_tokens, "own record", "person P-KF2", kAllow},
    {"board chair", manage_tokens, "a council member", "person P-KF2", kDeny},
    {"secretary", manage_tokens, "own record", "person P-SECR", kAllow},
    {"controller", manage_tokens, "an employee", "person P-EMP", kDeny},
    {"administrator", manage_tokens, "an employee", "person P-EMP", kAllow},
    {"administrator", manage_tokens, "another organisation", "other person P-EMP", kDeny},
    {"token administer (administrator)", manage_tokens, "an employee", "person P-EMP", kAllow},
    {"token all (unit manager)", manage_tokens, "own record", "person P-ENH", kAllow},
    {"token write (unit manager)", manage_tokens, "own record", "person P-ENH", kDeny},

    // --- setup_year -----------------------------------------------------------------------------
    {"nobody", setup_year, "whole organisation", "org", kDeny},
    {"employee", setup_year, "whole organisation", "org", kDeny},
    {"unit manager", setup_year, "whole organisation", "org", kDeny},
    {"sector head", setup_year, "whole organisation", "org", kDeny},
    {"chief executive", setup_year, "whole organisation", "org", kDeny},
    {"council member", setup_year, "whole organisation", "org", kDeny},
    {"board chair", setup_year, "whole organisation", "org", kDeny},
    {"secretary", setup_year, "whole organisation", "org", kAllow},
    {"controller", setup_year, "whole organisation", "org", kAllow},
    {"controller", setup_year, "another organisation", "other org", kDeny},
    {"administrator", setup_year, "whole organisation", "org", kDeny},
    {"token write (secretary)", setup_year, "whole organisation", "org", kAllow},
    {"token import (controller)", setup_year, "whole organisation", "org", kDeny},
    {"token none (controller)", setup_year, "whole organisation", "org", kDeny},

    // --- import_data ----------------------------------------------------------------------------
    {"nobody", import_data, "whole organisation", "org", kDeny},
    {"employee", import_data, "whole organisation", "org", kDeny},
    {"unit manager", import_data, "whole organisation", "org", kDeny},
    {"sector head", import_data, "whole organisation", "org", kDeny},
    {"chief executive", import_data, "whole organisation", "org", kDeny},
    {"council member", import_data, "whole organisation", "org", kDeny},
    {"board chair", import_data, "whole organisation", "org", kDeny},
    {"secretary", import_data, "whole organisation", "org", kAllow},
    {"controller", import_data, "whole organisation", "org", kAllow},
    {"controller", import_data, "another organisation", "other org", kDeny},
    {"administrator", import_data, "whole organisation", "org", kDeny},
    {"token import (controller)", import_data, "whole organisation", "org", kAllow},
    {"token write (secretary)", import_data, "whole organisation", "org", kDeny},
    {"token none (controller)", import_data, "whole organisation", "org", kDeny},

    // --- export_data ----------------------------------------------------------------------------
    {"nobody", export_data, "whole organisation", "org", kDeny},
    {"employee", export_data, "whole organisation", "org", kDeny},
    {"unit manager", export_data, "whole organisation", "org", kDeny},
    {"sector head", export_data, "whole organisation", "org", kDeny},
    {"chief executive", export_data, "whole organisation", "org", kDeny},
    {"council member", export_data, "whole organisation", "org", kDeny},
    {"board chair", export_data, "whole organisation", "org", kDeny},
    {"secretary", export_data, "whole organisation", "org", kAllow},
    {"controller", export_data, "whole organisation", "org", kAllow},
    {"controller", export_data, "another organisation", "other org", kDeny},
    {"administrator", export_data, "whole organisation", "org", kDeny},
    {"token import (controller)", export_data, "whole organisation", "org", kAllow},
    {"token read (unit manager)", export_data, "whole organisation", "org", kDeny},

    // --- read_audit (of a record: exactly when the record may be read) -------------------------
    {"nobody", read_audit, "council goal", "item KF-M01", kDeny},
    {"employee", read_audit, "addressed to me personally", "item ENH-A01", kAllow},
    {"employee", read_audit, "sibling", "item SEK-U02", kDeny},
    {"employee", read_audit, "draft addressed to me personally", "item ENH-D02", kDeny},
    {"employee", read_audit, "whole organisation", "org", kDeny},
    {"unit manager", read_audit, "subtree", "item ARB-A01", kAllow},
    {"unit manager", read_audit, "parent", "item KD-U01", kDeny},
    {"unit manager", read_audit, "own unit", "unit ENH", kAllow},
    {"unit manager", read_audit, "own unit's member", "person P-EMP", kAllow},
    {"sector head", read_audit, "subtree", "item ENH3-A01", kAllow},
    {"sector head", read_audit, "another sector", "item SEK2-U01", kDeny},
    {"chief executive", read_audit, "subtree", "item SEK2-U01", kAllow},
    {"chief executive", read_audit, "whole organisation", "org", kDeny},
    {"council member", read_audit, "issued by my body", "item KF-M01", kAllow},
    {"council member", read_audit, "subtree", "item KS-U01", kDeny},
    {"council member", read_audit, "draft (my body)", "doc BUD26", kDeny},
    {"board chair", read_audit, "issued by my body", "item KS-U01", kAllow},
    {"board chair", read_audit, "decided (my body)", "doc VP25", kAllow},
    {"secretary", read_audit, "whole organisation", "org", kAllow},
    {"controller", read_audit, "whole organisation", "org", kAllow},
    {"controller", read_audit, "draft (a sector)", "doc POL-SEK", kAllow},
    {"controller", read_audit, "another organisation", "other org", kDeny},
    {"administrator", read_audit, "a unit", "unit ENH", kAllow},
    {"administrator", read_audit, "an employee", "person P-EMP", kAllow},
    {"administrator", read_audit, "received by my unit", "item KS-U01", kDeny},
    {"administrator", read_audit, "whole organisation", "org", kDeny},
    {"token read (unit manager)", read_audit, "received by my unit", "item SEK-U01", kAllow},
    {"token import (controller)", read_audit, "whole organisation", "org", kDeny},

    // --- read_coverage --------------------------------------------------------------------------
    {"nobody", read_coverage, "whole organisation", "org", kDeny},
    {"employee", read_coverage, "whole organisation", "org", kDeny},
    {"unit manager", read_coverage, "whole organisation (API shows my subtree)", "org", kAllow},
    {"unit manager", read_coverage, "own unit", "unit ENH", kAllow},
    {"unit manager", read_coverage, "parent", "unit SEK", kDeny},
    {"unit manager", read_coverage, "sibling", "unit ENH3", kDeny},
    {"sector head", read_coverage, "another sector", "unit SEK2", kDeny},
    {"sector head", read_coverage, "subtree", "unit ARB", kAllow},
    {"chief executive", read_coverage, "whole organisation", "org", kAllow},
    {"chief executive", read_coverage, "subtree", "unit SEK2", kAllow},
    {"chief executive", read_coverage, "parent", "unit KS", kDeny},
    {"council member", read_coverage, "whole organisation", "org", kAllow},
    {"board chair", read_coverage, "whole organisation", "org", kAllow},
    {"secretary", read_coverage, "whole organisation", "org", kAllow},
    {"controller", read_coverage, "whole organisation", "org", kAllow},
    {"controller", read_coverage, "another organisation", "other org", kDeny},
    {"administrator", read_coverage, "whole organisation", "org", kDeny},
    {"token read (unit manager)", read_coverage, "own unit", "unit ENH", kAllow},
    {"token write (unit manager)", read_coverage, "own unit", "unit ENH", kDeny},

    // --- read_stats -----------------------------------------------------------------------------
    {"nobody", read_stats, "whole organisation", "org", kDeny},
    {"employee", read_stats, "whole organisation", "org", kDeny},
    {"unit manager", read_stats, "own unit", "unit ENH", kAllow},
    {"unit manager", read_stats, "another sector", "unit SEK2", kDeny},
    {"sector head", read_stats, "whole organisation (API shows my subtree)", "org", kAllow},
    {"chief executive", read_stats, "subtree", "unit ENH2", kAllow},
    {"chief executive", read_stats, "another organisation", "other org", kDeny},
    {"council member", read_stats, "whole organisation", "org", kAllow},
    {"board chair", read_stats, "a sector", "unit SEK", kAllow},
    {"secretary", read_stats, "whole organisation", "org", kAllow},
    {"controller", read_stats, "whole organisation", "org", kAllow},
    {"administrator", read_stats, "whole organisation", "org", kDeny},
    {"token read (unit manager)", read_stats, "whole organisation", "org", kAllow},
    {"token import (controller)", read_stats, "whole organisation", "org", kDeny},
};
// clang-format on

// The kinds of actor the table must cover, each with every action.
std::string kindOf(const std::string& actor) {
  if (actor.starts_with("token ")) return "machine token";
  return actor;
}

class PermissionTable : public ::testing::TestWithParam<Row> {};

TEST_P(PermissionTable, DecidesAsTheTableSays) {
  const Row& row = GetParam();
  World world;
  auto [subject, index] = world.subject(row.subject);
  Decision decision = can(World::actor(row.actor), row.action, subject, *index, kToday);
  EXPECT_EQ(decision.allowed, row.allowed) << "reason: " << decision.reason;
  if (decision.allowed) {
    EXPECT_TRUE(decision.reason.empty()) << decision.reason;
  } else {
    EXPECT_FALSE(decision.reason.empty());
  }
}

std::string rowName(const ::testing::TestParamInfo<Row>& info) {
  std::string name = std::to_string(info.index) + "_" + info.param.actor + "_" +
                     std::string(toString(info.param.action)) + "_" + info.param.subject;
  for (char& c : name) {
    if (std::isalnum(static_cast<unsigned char>(c)) == 0) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Access, PermissionTable, ::testing::ValuesIn(kTable), rowName);

TEST(PermissionTableCoverage, HasEveryActionForEveryKindOfActor) {
  std::map<std::string, std::set<Action>> covered;
  for (const Row& row : kTable) covered[kindOf(row.actor)].insert(row.action);
  const std::vector<std::string> kinds = {"nobody",        "employee",        "unit manager",
                                          "sector head",   "chief executive", "council member",
                                          "board chair",   "secretary",       "controller",
                                          "administrator", "machine token"};
  EXPECT_EQ(covered.size(), kinds.size());
  for (const std::string& kind : kinds) {
    for (Action action : allActions()) {
      EXPECT_TRUE(covered[kind].count(action) == 1)
          << kind << " has no row for " << toString(action);
    }
  }
}

TEST(PermissionTableCoverage, HasBothAnswersForEveryAction) {
  for (Action action : allActions()) {
    std::set<bool> answers;
    for (const Row& row : kTable) {
      if (row.action == action) answers.insert(row.allowed);
    }
    EXPECT_EQ(answers.size(), 2U) << toString(action) << " is only ever allowed or only denied";
  }
}

TEST(PermissionTableCoverage, HasMoreThan250Rows) {
  EXPECT_GT(kTable.size(), 250U);
}

}  // namespace
}  // namespace styr::access
