#pragma once
// The Lerum demo in a database, with one account per kind of user, all created through the
// application's use cases (so the demo's audit trail is complete from its first record).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/clock.hpp"
#include "app/error.hpp"
#include "app/store.hpp"
#include "demo/lerum_demo.hpp"

namespace styr::demo {

//! The password of every demo account; never of a real installation's.
inline constexpr std::string_view kDemoPassword = "demo";

struct DemoLogin {
  std::string_view username;
  std::string_view who;
  std::string DemoKeyPeople::*person;
  bool administrator = false;
};

//! One account per kind of user, with names easy to remember and type.
const std::vector<DemoLogin>& demoLogins();

//! Creates the demo's organisation and accounts, each only if missing; `follow_up` says
//! whether a demo created here holds its year of follow-up (and its deviations,
//! demo_deviations.hpp).
std::optional<app::Error> ensureDemo(app::Store& store, const app::Clock& clock,
                                     const std::string& actor,
                                     DemoFollowUp follow_up = DemoFollowUp::year_2025);

}  // namespace styr::demo
