namespace styr::demo {}
