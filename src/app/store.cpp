namespace styr::app {}
