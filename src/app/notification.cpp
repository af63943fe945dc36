#include "app/notification.hpp"

namespace styr::app {

std::string_view toString(EmailState state) {
  switch (state) {
    case EmailState::none:
      return "none";
    case EmailState::pending:
      return "pending";
    case EmailState::sent:
      return "sent";
    case EmailState::failed:
      return "failed";
  }
  return "none";
}

}  // namespace styr::app
