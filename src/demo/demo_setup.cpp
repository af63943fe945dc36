#include "demo/demo_setup.hpp"

#include "app/add_account.hpp"
#include "app/import_organisation.hpp"
#include "demo/demo_deviations.hpp"

namespace styr::demo {

const std::vector<DemoLogin>& demoLogins() {
  static const std::vector<DemoLogin> logins{
      {"ledamot", "council member", &DemoKeyPeople::council_member},
      {"ordforande", "chair of the executive board", &DemoKeyPeople::board_member},
      {"kd", "chief executive", &DemoKeyPeople::chief_executive},
      {"sektorschef", "sector head, Lärande", &DemoKeyPeople::sector_head},
      {"enhetschef", "unit manager", &DemoKeyPeople::unit_manager},
      {"medarbetare", "employee", &DemoKeyPeople::employee},
      {"controller", "controller, secretary of the council and board", &DemoKeyPeople::controller},
      {"admin", "administrator", &DemoKeyPeople::administrator, true},
  };
  return logins;
}

std::optional<app::Error> ensureDemo(app::Store& store, const app::Clock& clock,
                                     const std::string& actor, DemoFollowUp follow_up) {
  domain::OrganisationData data = buildLerumDemo(follow_up);
  const std::string& organisation = data.organisation.code;
  if (!store.organisation(organisation)) {
    auto imported = app::importOrganisation(store, clock, actor, data);
    if (!imported) return imported.error();
    // The deviations belong to the demo's year: they name its people on the days they happened.
    if (follow_up == DemoFollowUp::year_2025) {
      if (auto error = addDemoDeviations(store)) return error;
    }
  }
  DemoKeyPeople people = lerumKeyPeople();
  for (const auto& login : demoLogins()) {
    if (store.account(organisation, login.username)) continue;
    auto added = app::addAccount(store, clock, actor,
                                 {organisation, std::string(login.username), people.*login.person,
                                  login.administrator, std::string(kDemoPassword)},
                                 app::PasswordPolicy::demo);
    if (!added) return added.error();
  }
  return std::nullopt;
}

}  // namespace styr::demo
