namespace styr::interchange {}
