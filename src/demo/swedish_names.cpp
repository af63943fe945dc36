#include "demo/swedish_names.hpp"

namespace styr::demo {

const std::vector<std::string>& givenNames() {
  static const std::vector<std::string> names{
      "Anna",     "Eva",      "Maria",      "Karin",     "Kristina", "Lena",      "Sara",
      "Emma",     "Kerstin",  "Ingrid",     "Marie",     "Malin",    "Jenny",     "Linda",
      "Hanna",    "Annika",   "Susanne",    "Elin",      "Johanna",  "Camilla",   "Sofia",
      "Helena",   "Ulla",     "Birgitta",   "Anneli",    "Therese",  "Frida",     "Ida",
      "Julia",    "Linnéa",   "Maja",       "Elsa",      "Alice",    "Ebba",      "Klara",
      "Moa",      "Matilda",  "Amanda",     "Louise",    "Åsa",      "Cecilia",   "Charlotte",
      "Jessica",  "Petra",    "Lisa",       "Sandra",    "Josefin",  "Caroline",  "Madeleine",
      "Ulrika",   "Monica",   "Margareta",  "Agneta",    "Gunilla",  "Britt",     "Ylva",
      "Emelie",   "Fatima",   "Amira",      "Leila",     "Sanna",    "Veronica",  "Tove",
      "Agnes",    "Stina",    "Hedvig",     "Greta",     "Astrid",   "Siv",       "Elisabet",
      "Katarina", "Helen",    "Pernilla",   "Lotta",     "Mikaela",  "Nora",      "Tilda",
      "Wilma",    "Ronja",    "Selma",      "Lars",      "Anders",   "Johan",     "Per",
      "Erik",     "Karl",     "Peter",      "Mikael",    "Jan",      "Thomas",    "Daniel",
      "Fredrik",  "Hans",     "Stefan",     "Magnus",    "Mattias",  "Andreas",   "Jonas",
      "Niklas",   "Martin",   "Marcus",     "Henrik",    "Patrik",   "Björn",     "Gustav",
      "Oskar",    "Viktor",   "Simon",      "Alexander", "Emil",     "Filip",     "Axel",
      "William",  "Hugo",     "Elias",      "Lukas",     "Olle",     "Nils",      "Sven",
      "Göran",    "Bengt",    "Leif",       "Ulf",       "Mats",     "Kjell",     "Roger",
      "Tomas",    "Christer", "Robert",     "Joakim",    "Tobias",   "Sebastian", "Rasmus",
      "Adam",     "Jesper",   "Kristoffer", "Åke",       "Örjan",    "Torbjörn",  "Gunnar",
      "Rolf",     "Bo",       "Arvid",      "Ludvig",    "Vincent",  "Albin",     "Hampus",
      "Ahmed",    "Mohammed", "Ali",        "Omar",      "Samir",    "Johannes",  "David",
      "Jakob",    "Pontus",   "Linus",      "Anton",     "Isak",     "Melvin",
  };
  return names;
}

const std::vector<std::string>& familyNames() {
  static const std::vector<std::string> names{
      "Andersson",  "Johansson", "Karlsson",    "Nilsson",    "Eriksson",   "Larsson",
      "Olsson",     "Persson",   "Svensson",    "Gustafsson", "Pettersson", "Jonsson",
      "Jansson",    "Hansson",   "Bengtsson",   "Jönsson",    "Lindberg",   "Jakobsson",
      "Magnusson",  "Lindström", "Olofsson",    "Lindqvist",  "Lindgren",   "Berg",
      "Axelsson",   "Bergström", "Lundberg",    "Lind",       "Lundgren",   "Lundqvist",
      "Mattsson",   "Berglund",  "Fredriksson", "Sandberg",   "Henriksson", "Forsberg",
      "Sjöberg",    "Wallin",    "Ali",         "Engström",   "Mohamed",    "Eklund",
      "Danielsson", "Lundin",    "Håkansson",   "Björk",      "Bergman",    "Gunnarsson",
      "Holm",       "Wikström",  "Samuelsson",  "Isaksson",   "Fransson",   "Bergqvist",
      "Nyström",    "Holmberg",  "Arvidsson",   "Löfgren",    "Söderberg",  "Nyberg",
      "Blomqvist",  "Claesson",  "Nordström",   "Mårtensson", "Lundström",  "Viklund",
      "Björklund",  "Eliasson",  "Pålsson",     "Berggren",   "Sandström",  "Lund",
      "Nordin",     "Ström",     "Åberg",       "Hermansson", "Ekström",    "Holmgren",
      "Sundberg",   "Hedlund",   "Dahlberg",    "Hellström",  "Sjögren",    "Abrahamsson",
      "Martinsson", "Öberg",     "Andreasson",  "Strömberg",  "Månsson",    "Hansen",
      "Åkesson",    "Dahl",      "Lindholm",    "Norberg",    "Holmqvist",  "Ahmed",
      "Hassan",     "Hussein",   "Omar",        "Yilmaz",     "Nguyen",     "Novak",
      "Virtanen",   "Korhonen",  "Nieminen",    "Ekman",      "Falk",       "Borg",
      "Sund",       "Kvist",     "Rosén",       "Wahlström",  "Ågren",      "Stenberg",
      "Hedberg",    "Bäckström", "Lindahl",     "Nord",       "Wennberg",   "Alm",
  };
  return names;
}

const std::vector<std::string>& placePrefixes() {
  static const std::vector<std::string> prefixes{
      "Björk", "Ek",    "Gran",   "Sjö",  "Lind",  "Ås",   "Berg", "Dal",    "Hag",  "Mo",
      "Ny",    "Öster", "Väster", "Norr", "Söder", "Sand", "Sten", "Strand", "Hög",  "Lång",
      "Kull",  "Tall",  "Al",     "Lönn", "Ljung", "Bäck", "Ry",   "Hassel", "Rönn", "Vall",
      "Kvarn", "Sol",   "Fur",    "Ask",  "Hult",  "Mjö",  "Tor",  "Ulle",   "Bo",   "Frö",
  };
  return prefixes;
}

const std::vector<std::string>& placeSuffixes() {
  static const std::vector<std::string> suffixes{
      "vik", "by",  "torp", "holm",  "berg", "dal",  "hult", "ås",   "näs",  "hed",
      "ryd", "sjö", "lid",  "lunda", "red",  "mark", "fors", "vall", "tuna", "säter",
  };
  return suffixes;
}

const std::vector<std::string>& friendlyNames() {
  static const std::vector<std::string> names{
      "Trollskogen", "Ekorren",     "Solstrålen",  "Blåklockan",  "Myran",       "Nyckelpigan",
      "Lärkan",      "Humlan",      "Kotten",      "Tallbacken",  "Vitsippan",   "Lingonet",
      "Bävern",      "Ugglan",      "Sjöstjärnan", "Mossen",      "Regnbågen",   "Stjärnan",
      "Fjärilen",    "Smultronet",  "Hallonet",    "Äppellunden", "Linden",      "Björken",
      "Rönnen",      "Eken",        "Granen",      "Almen",       "Lönnen",      "Tallen",
      "Hasseln",     "Sälgen",      "Enen",        "Vallmon",     "Prästkragen", "Kastanjen",
      "Vildrosen",   "Näktergalen", "Svalan",      "Tranan",      "Igelkotten",  "Räven",
      "Haren",       "Solrosen",    "Snäckan",     "Ängen",       "Bäcken",      "Kvarnen",
      "Ljungen",     "Bryggan",     "Solgläntan",  "Skogsbrynet", "Måsen",       "Lyktan",
  };
  return names;
}

std::string asciiFold(std::string_view text, char separator) {
  std::string folded;
  folded.reserve(text.size());
  bool pending_separator = false;
  auto append = [&](char c) {
    if (pending_separator && !folded.empty()) folded.push_back(separator);
    pending_separator = false;
    folded.push_back(c);
  };
  for (std::size_t idx = 0; idx < text.size(); ++idx) {
    auto byte = static_cast<unsigned char>(text[idx]);
    if ((byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9')) {
      append(static_cast<char>(byte));
    } else if (byte >= 'A' && byte <= 'Z') {
      append(static_cast<char>(byte - 'A' + 'a'));
    } else if (byte == 0xC3 && idx + 1 < text.size()) {
      // The two-byte UTF-8 forms of the Latin-1 letters Swedish names use.
      auto next = static_cast<unsigned char>(text[++idx]);
      switch (next) {
        case 0xA5:
        case 0xA4:
        case 0x85:
        case 0x84:
        case 0xA0:
        case 0xA1:
          append('a');
          break;
        case 0xB6:
        case 0x96:
        case 0xB8:
        case 0x98:
          append('o');
          break;
        case 0xA9:
        case 0x89:
        case 0xA8:
        case 0x88:
          append('e');
          break;
        case 0xBC:
        case 0x9C:
          append('u');
          break;
        default:
          pending_separator = true;
          break;
      }
    } else {
      pending_separator = true;
    }
  }
  return folded;
}

}  // namespace styr::demo
