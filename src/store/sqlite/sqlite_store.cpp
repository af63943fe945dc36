namespace styr::store {}
