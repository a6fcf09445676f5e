#include "synth/vocabulary.hpp"

#include <array>

namespace crewsync::synth::internal {
namespace {

// Common US given names, English and Hispanic, some with the accents payroll systems keep.
constexpr std::string_view kFirstNames[] = {
    // English, men
    "James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas",
    "Charles", "Christopher", "Daniel", "Matthew", "Anthony", "Mark", "Donald", "Steven", "Paul",
    "Andrew", "Joshua", "Kenneth", "Kevin", "Brian", "George", "Timothy", "Ronald", "Edward",
    "Jason", "Jeffrey", "Ryan", "Jacob", "Gary", "Nicholas", "Eric", "Jonathan", "Stephen",
    "Larry", "Justin", "Scott", "Brandon", "Benjamin", "Samuel", "Gregory", "Alexander", "Frank",
    "Patrick", "Raymond", "Jack", "Dennis", "Jerry", "Tyler", "Aaron", "Henry", "Douglas",
    "Peter", "Adam", "Nathan", "Zachary", "Walter", "Kyle", "Harold", "Carl", "Jeremy", "Keith",
    "Roger", "Gerald", "Ethan", "Arthur", "Terry", "Christian", "Sean", "Lawrence", "Austin",
    "Noah", "Jesse", "Albert", "Bryan", "Bruce", "Willie", "Jordan", "Dylan", "Alan", "Ralph",
    "Gabriel", "Roy", "Wayne", "Eugene", "Logan", "Randy", "Louis", "Russell", "Vincent",
    "Philip", "Bradley", "Travis", "Shawn", "Dustin", "Cody", "Derek", "Troy", "Dale", "Curtis",
    "Mitchell", "Darrell", "Clayton", "Garrett", "Wade", "Colton", "Hunter", "Levi", "Owen",
    "Connor", "Liam", "Caleb", "Isaac", "Luke", "Marcus", "Terrence", "Darnell", "Malik",
    "Andre", "René", "Noël",
    // English, women
    "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah",
    "Karen", "Lisa", "Nancy", "Sandra", "Margaret", "Ashley", "Kimberly", "Emily", "Donna",
    "Michelle", "Carol", "Amanda", "Melissa", "Deborah", "Stephanie", "Rebecca", "Sharon",
    "Laura", "Cynthia", "Amy", "Kathleen", "Angela", "Brenda", "Emma", "Anna", "Pamela",
    "Nicole", "Samantha", "Katherine", "Christine", "Helen", "Rachel", "Carolyn", "Janet",
    "Catherine", "Heather", "Diane", "Olivia", "Julie", "Victoria", "Ruth", "Lauren", "Kelly",
    "Christina", "Joan", "Evelyn", "Megan", "Cheryl", "Jacqueline", "Martha", "Madison", "Teresa",
    "Gloria", "Sara", "Janice", "Kathryn", "Abigail", "Sophia", "Alice", "Julia", "Grace",
    "Amber", "Denise", "Danielle", "Beverly", "Charlotte", "Natalie", "Diana", "Brittany",
    "Kayla", "Alexis", "Tamika", "Latoya", "Shanice", "Renée", "Zoë", "Chloé", "Noémie",
    "Amélie", "Hélène", "Brooke", "Courtney", "Erin", "Holly", "Tiffany", "Wendy",
    // Hispanic, men
    "José", "Luis", "Carlos", "Jesús", "Miguel", "Jorge", "Francisco", "Antonio", "Alejandro",
    "Juan", "Pedro", "Manuel", "Rafael", "Ricardo", "Fernando", "Javier", "Roberto", "Eduardo",
    "Sergio", "Raúl", "Andrés", "Héctor", "Óscar", "Ramón", "Rubén", "Joaquín", "Martín",
    "Julián", "Adrián", "Iván", "Víctor", "Ángel", "Tomás", "Nicolás", "Sebastián", "Matías",
    "Emilio", "Alfredo", "Arturo", "Enrique", "Ignacio", "Gerardo", "Guillermo", "Armando",
    "Alberto", "Salvador", "Gustavo", "Mario", "Diego", "Pablo", "Hugo", "Marcos", "Esteban",
    "Felipe", "Gonzalo", "Rodrigo", "Efraín", "Germán", "Agustín", "Ernesto", "Octavio",
    "Benjamín", "Saúl", "Moisés", "Abraham",
    // Hispanic, women
    "María", "Guadalupe", "Rosa", "Ana", "Carmen", "Lucía", "Sofía", "Valentina", "Camila",
    "Isabel", "Elena", "Verónica", "Adriana", "Beatriz", "Claudia", "Gabriela", "Mónica",
    "Leticia", "Silvia", "Alejandra", "Yolanda", "Margarita", "Esperanza", "Dolores", "Marisol",
    "Ximena", "Inés", "Raquel", "Paola", "Daniela", "Natalia", "Mariana", "Fernanda", "Araceli",
    "Rocío", "Maribel", "Itzel", "Belén", "Leonor", "Josefina", "Rosalía", "Estefanía",
};

// Surnames common in the US; a company's list also has a long tail (see RandomLastName).
constexpr std::string_view kEnglishLastNames[] = {
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson",
    "Taylor", "Thomas", "Moore", "Jackson", "Martin", "Lee", "Thompson", "White", "Harris",
    "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Hill",
    "Green", "Adams", "Baker", "Nelson", "Carter", "Mitchell", "Roberts", "Turner", "Phillips",
    "Campbell", "Parker", "Evans", "Edwards", "Collins", "Stewart", "Morris", "Murphy", "Cook",
    "Rogers", "Morgan", "Peterson", "Cooper", "Reed", "Bailey", "Bell", "Kelly", "Howard",
    "Ward", "Cox", "Richardson", "Wood", "Watson", "Brooks", "Bennett", "Gray", "Hughes",
    "Price", "Sanders", "Myers", "Long", "Ross", "Foster", "Powell", "Jenkins", "Perry",
    "Russell", "Sullivan", "Fisher", "Henderson", "Coleman", "Simmons", "Patterson", "Reynolds",
    "Hamilton", "Graham", "Wallace", "Cole", "West", "Hayes", "Bryant", "Ellis", "Stevens",
    "Murray", "Ford", "Marshall", "Owens", "McDonald", "Harrison", "Kennedy", "Wells", "Tucker",
    "Porter", "Hunter", "Hicks", "Crawford", "Boyd", "Mason", "Warren", "Dixon", "Burns",
    "Gordon", "Shaw", "Holmes", "Rice", "Hunt", "Black", "Daniels", "Palmer", "Mills", "Grant",
    "Knight", "Ferguson", "Stone", "Hawkins", "Dunn", "Perkins", "Hudson", "Spencer", "Pierce",
    "Hansen", "Olson", "Larson", "Lindqvist", "Schmidt", "Schneider", "Müller", "Fischer",
    "Weber", "Becker", "Schröder", "Köhler", "Krüger", "O'Brien", "O'Connor", "O'Neill",
    "O'Malley", "McCarthy", "Gallagher", "Doyle", "Byrne", "Walsh", "Quinn", "Kowalski",
    "Nowak", "Dvořák", "Novák", "Nguyen", "Tran", "Pham", "Kim", "Park", "Chen", "Wang",
    "Patel", "Shah", "Singh", "Okafor", "Mensah", "Haddad", "Rossi", "Russo", "Esposito",
    "Bianchi", "Kaminski", "Jensen", "Lindgren", "Van Dyke", "Washington", "Jefferson",
    "Freeman", "Webb", "Simpson", "Stephens", "Tate", "Wheeler", "Lawson", "Bishop", "Holt",
};

constexpr std::string_view kHispanicLastNames[] = {
    "García", "Rodríguez", "Martínez", "Hernández", "López", "González", "Pérez", "Sánchez",
    "Ramírez", "Torres", "Flores", "Rivera", "Gómez", "Díaz", "Reyes", "Cruz", "Morales",
    "Ortiz", "Gutiérrez", "Chávez", "Ramos", "Ruiz", "Álvarez", "Mendoza", "Castillo",
    "Jiménez", "Vásquez", "Moreno", "Romero", "Herrera", "Medina", "Aguilar", "Vargas", "Castro",
    "Guzmán", "Fernández", "Muñoz", "Méndez", "Salazar", "Soto", "Delgado", "Peña", "Ríos",
    "Alvarado", "Sandoval", "Contreras", "Valdez", "Guerrero", "Ortega", "Estrada", "Núñez",
    "Maldonado", "Vega", "Domínguez", "Cabrera", "Rojas", "Navarro", "Campos", "Acosta",
    "Molina", "Ibarra", "Espinoza", "Cervantes", "Fuentes", "Cárdenas", "Luna", "Juárez",
    "Ávila", "Zúñiga", "Bermúdez", "Solís", "Escobar", "Trujillo", "Villanueva", "de la Cruz",
    "De León", "García-López", "Montoya", "Padilla", "Quintero", "Serrano", "Carrillo",
    "Benítez", "Orozco", "Velázquez", "Galván", "Beltrán", "Saldaña", "Ochoa", "Paredes",
};

// The long tail: English-looking surnames put together from a stem and an ending ("Ashford",
// "Lindqvist" aside). Real payrolls spread over thousands of surnames; drawing only from the
// common ones would make every tenth person a namesake of someone, which no company is.
constexpr std::string_view kSurnameStems[] = {
    "Ash", "Black", "Brad", "Brook", "Cald", "Carl", "Chad", "Cran", "Dal", "Dun", "Eld", "Fair",
    "Fen", "Gar", "Gold", "Hal", "Hart", "Haw", "Hol", "Kirk", "Lang", "Lind", "Lock", "Mar",
    "Mid", "Mor", "Nor", "Oak", "Pem", "Pen", "Ral", "Red", "Ros", "Rut", "Sel", "Sher", "Stan",
    "Stock", "Sum", "Thorn", "Tre", "Wal", "Wes", "Whit", "Wil", "Win", "Wyn", "Al", "Ber",
    "Bran", "Crom", "Dray", "Ever", "Grif", "Har", "Ing", "Kel", "Lam", "Mans", "Pres", "Rad",
    "Shel", "Tal", "Ward", "Wex", "York",
};
constexpr std::string_view kSurnameEndings[] = {
    "ford", "well", "ton", "berg", "son", "by", "wood", "field", "ley", "man", "er", "ington",
    "dale", "worth", "stead", "mond", "wick", "combe", "hurst", "brook", "more", "ridge",
    "shaw", "stone",
};


// Given names whose nickname is unmistakable; the "nickname" near-duplicates use these.
constexpr Nickname kNicknames[] = {
    {"Robert", "Bob"},      {"William", "Bill"},     {"Richard", "Rick"},   {"James", "Jim"},
    {"Michael", "Mike"},    {"Thomas", "Tom"},       {"Joseph", "Joe"},     {"Charles", "Chuck"},
    {"Christopher", "Chris"}, {"Daniel", "Dan"},     {"Matthew", "Matt"},   {"Anthony", "Tony"},
    {"Steven", "Steve"},    {"Andrew", "Andy"},      {"Kenneth", "Ken"},    {"Timothy", "Tim"},
    {"Edward", "Ed"},       {"Jeffrey", "Jeff"},     {"Nicholas", "Nick"},  {"Gregory", "Greg"},
    {"Samuel", "Sam"},      {"Benjamin", "Ben"},     {"Alexander", "Alex"}, {"Patrick", "Pat"},
    {"Raymond", "Ray"},     {"Douglas", "Doug"},     {"Zachary", "Zach"},   {"Lawrence", "Larry"},
    {"Elizabeth", "Liz"},   {"Katherine", "Kate"},   {"Margaret", "Peggy"}, {"Jennifer", "Jenny"},
    {"Patricia", "Patty"},  {"Susan", "Sue"},        {"Deborah", "Debbie"}, {"Rebecca", "Becky"},
    {"Kimberly", "Kim"},    {"Victoria", "Vicky"},   {"Christina", "Tina"}, {"Catherine", "Cathy"},
    {"Abigail", "Abby"},    {"Samantha", "Sam"},     {"Francisco", "Paco"}, {"José", "Pepe"},
};

constexpr std::string_view kOfficeJobTitles[] = {
    "Project Manager", "Senior Project Manager", "Assistant Project Manager", "Project Engineer",
    "Project Coordinator", "Estimator", "Senior Estimator", "Preconstruction Manager",
    "Safety Manager", "Office Manager", "Payroll Administrator", "Accountant", "Controller",
    "HR Generalist", "Scheduler", "Quality Control Manager", "VDC Coordinator",
    "Operations Manager", "Purchasing Agent", "Document Controller",
};

constexpr std::string_view kFieldLeadJobTitles[] = {
    "Superintendent", "General Superintendent", "Assistant Superintendent", "Foreman",
    "General Foreman", "Field Engineer", "Safety Coordinator", "Lead Carpenter",
};

constexpr std::string_view kCrewJobTitles[] = {
    "Laborer", "Laborer", "Laborer", "Carpenter", "Carpenter", "Journeyman Electrician",
    "Apprentice Electrician", "Foreman", "Plumber", "Pipefitter", "Ironworker",
    "Equipment Operator", "Concrete Finisher", "Drywall Installer", "Painter", "Welder",
    "Sheet Metal Worker", "Roofer", "Mason", "Glazier", "Apprentice Carpenter", "Truck Driver",
    "Flagger", "Millwright", "Tile Setter", "Insulator",
};

constexpr std::string_view kClassificationNames[] = {
    "Journeyman Electrician", "Apprentice Electrician", "Journeyman Carpenter",
    "Apprentice Carpenter", "General Laborer", "Foreman", "Journeyman Plumber",
    "Apprentice Plumber", "Pipefitter", "Ironworker", "Operating Engineer", "Cement Mason",
    "Drywall Finisher", "Painter", "Sheet Metal Worker", "Roofer", "Glazier", "Bricklayer",
    "Millwright", "Teamster", "Insulator", "Tile Setter", "Welder", "Elevator Constructor",
};

constexpr Firm kFirms[] = {
    {"Summit Ridge Builders", "summitridgebuilders.com"},
    {"Acme Build Co.", "acme-build.com"},
    {"Lakeshore Construction Group", "lakeshorecg.com"},
    {"Ironwood Contractors", "ironwoodcontractors.com"},
    {"Granite Peak Construction", "granitepeak.build"},
    {"Riverbend General Contracting", "riverbendgc.com"},
    {"Northstar Mechanical", "northstarmech.com"},
    {"Bluebonnet Electric", "bluebonnetelectric.com"},
    {"Cascade Concrete", "cascadeconcrete.net"},
    {"Sierra Steel Erectors", "sierrasteel.com"},
    {"Hernández & Sons Drywall", "hernandezdrywall.com"},
    {"Keystone Plumbing", "keystoneplumbing.com"},
    {"Prairie Roofing", "prairieroofing.com"},
    {"Redwood Glass & Glazing", "redwoodglass.com"},
    {"Allied Site Services", "alliedsite.com"},
};

constexpr std::string_view kPersonalMailDomains[] = {
    "gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "aol.com",
};

constexpr std::string_view kAreaCodes[] = {
    "312", "773", "872", "630", "847", "708", "214", "469", "972", "713", "281", "832", "512",
    "737", "210", "303", "720", "602", "480", "213", "310", "323", "619", "858", "206", "425",
    "503", "404", "678", "305", "786", "407", "212", "646", "917", "617", "215", "704", "615",
    "313", "317", "208", "801", "702", "505", "907", "808", "408",
};

constexpr City kCities[] = {
    {"Chicago", "IL", "606", "America/Chicago"},
    {"Naperville", "IL", "605", "America/Chicago"},
    {"Evanston", "IL", "602", "America/Chicago"},
    {"Milwaukee", "WI", "532", "America/Chicago"},
    {"Dallas", "TX", "752", "America/Chicago"},
    {"Houston", "TX", "770", "America/Chicago"},
    {"Austin", "TX", "787", "America/Chicago"},
    {"San Antonio", "TX", "782", "America/Chicago"},
    {"Nashville", "TN", "372", "America/Chicago"},
    {"Denver", "CO", "802", "America/Denver"},
    {"Salt Lake City", "UT", "841", "America/Denver"},
    {"Albuquerque", "NM", "871", "America/Denver"},
    {"Boise", "ID", "837", "America/Boise"},
    {"Phoenix", "AZ", "850", "America/Phoenix"},
    {"Tucson", "AZ", "857", "America/Phoenix"},
    {"Los Angeles", "CA", "900", "America/Los_Angeles"},
    {"San Diego", "CA", "921", "America/Los_Angeles"},
    {"San José", "CA", "951", "America/Los_Angeles"},
    {"Sacramento", "CA", "958", "America/Los_Angeles"},
    {"Las Vegas", "NV", "891", "America/Los_Angeles"},
    {"Seattle", "WA", "981", "America/Los_Angeles"},
    {"Portland", "OR", "972", "America/Los_Angeles"},
    {"Atlanta", "GA", "303", "America/New_York"},
    {"Miami", "FL", "331", "America/New_York"},
    {"Orlando", "FL", "328", "America/New_York"},
    {"Charlotte", "NC", "282", "America/New_York"},
    {"New York", "NY", "100", "America/New_York"},
    {"Boston", "MA", "021", "America/New_York"},
    {"Philadelphia", "PA", "191", "America/New_York"},
    {"Detroit", "MI", "482", "America/Detroit"},
    {"Indianapolis", "IN", "462", "America/Indiana/Indianapolis"},
    {"Anchorage", "AK", "995", "America/Anchorage"},
    {"Honolulu", "HI", "968", "Pacific/Honolulu"},
};

constexpr std::string_view kStreetNames[] = {
    "Main", "Oak", "Maple", "Cedar", "Elm", "Washington", "Lincoln", "Jefferson", "Madison",
    "Park", "Lake", "Hill", "Pine", "Walnut", "Franklin", "Church", "Market", "Center", "River",
    "Industrial", "Commerce", "Airport", "Harbor", "Mill", "Spring", "Sunset", "Highland",
    "Meridian", "Ridge", "Dearborn", "Wacker", "Peachtree", "Congress", "Broadway", "Alameda",
    "El Camino Real", "Mission", "Cesar Chavez", "Valley View", "Grand",
};

constexpr std::string_view kStreetSuffixes[] = {"St", "Ave", "Blvd", "Rd", "Dr", "Pkwy", "Way"};

constexpr std::string_view kProjectPlaces[] = {
    "Riverside", "Lakeview", "Oak Street", "Maple Avenue", "Downtown", "Northgate", "Westfield",
    "Cedar Park", "Harbor Point", "Summit Ridge", "Elm Grove", "Pinecrest", "Union Station",
    "Mill Creek", "Stonebridge", "Fairview", "Brookside", "Willow Bend", "Granite Bay",
    "Kingsley", "Meadowbrook", "Southport", "Eastgate", "Parkside", "Canyon Crest",
    "Bayshore", "Heritage Square", "Crossroads", "Sunnyvale", "La Paloma", "Old Town",
    "Ironbridge", "Prairie View", "Gateway", "Highland Park", "Midtown", "Founders Row",
};

constexpr std::string_view kProjectKinds[] = {
    "Clinic", "Medical Office Building", "Elementary School", "High School Addition",
    "Parking Garage", "Apartments", "Senior Living", "Distribution Center", "Warehouse",
    "Fire Station", "Library Renovation", "Community Center", "Office Tower", "Data Center",
    "Hotel", "Retail Center", "Water Treatment Plant", "Bridge Rehabilitation",
    "Police Headquarters", "Student Housing", "Tenant Improvement", "Hospital Expansion",
    "Mixed-Use Development", "Lofts", "Transit Center", "Recreation Center", "Church Addition",
    "Cold Storage Facility", "Manufacturing Plant", "Townhomes",
};

// The accented letters the lists above use (and a few more), as UTF-8, with their ASCII base.
struct Fold {
    std::string_view from;
    char to;
};
constexpr Fold kFolds[] = {
    {"á", 'a'}, {"à", 'a'}, {"â", 'a'}, {"ä", 'a'}, {"ã", 'a'}, {"å", 'a'}, {"é", 'e'},
    {"è", 'e'}, {"ê", 'e'}, {"ë", 'e'}, {"í", 'i'}, {"ì", 'i'}, {"î", 'i'}, {"ï", 'i'},
    {"ó", 'o'}, {"ò", 'o'}, {"ô", 'o'}, {"ö", 'o'}, {"õ", 'o'}, {"ø", 'o'}, {"ú", 'u'},
    {"ù", 'u'}, {"û", 'u'}, {"ü", 'u'}, {"ñ", 'n'}, {"ç", 'c'}, {"ř", 'r'}, {"š", 's'},
    {"ž", 'z'}, {"Á", 'A'}, {"À", 'A'}, {"Â", 'A'}, {"Ä", 'A'}, {"Å", 'A'}, {"É", 'E'},
    {"È", 'E'}, {"Ê", 'E'}, {"Ë", 'E'}, {"Í", 'I'}, {"Î", 'I'}, {"Ó", 'O'}, {"Ô", 'O'},
    {"Ö", 'O'}, {"Ø", 'O'}, {"Ú", 'U'}, {"Û", 'U'}, {"Ü", 'U'}, {"Ñ", 'N'}, {"Ç", 'C'},
    {"Ř", 'R'}, {"Š", 'S'}, {"Ž", 'Z'},
};

}  // namespace

std::span<const std::string_view> FirstNames() { return kFirstNames; }
std::span<const std::string_view> EnglishLastNames() { return kEnglishLastNames; }
std::span<const std::string_view> HispanicLastNames() { return kHispanicLastNames; }

std::string RandomLastName(Random& random) {
    const std::uint64_t r = random.Below(100);
    if (r < 30) return std::string(random.Pick(EnglishLastNames()));
    if (r < 55) {
        std::string name(random.Pick(std::span<const std::string_view>(kSurnameStems)));
        return name.append(random.Pick(std::span<const std::string_view>(kSurnameEndings)));
    }
    if (r < 85) return std::string(random.Pick(HispanicLastNames()));
    // Both family names, as many Hispanic workers are on the books.
    std::string name(random.Pick(HispanicLastNames()));
    return name.append(random.Chance(0.8) ? " " : "-").append(random.Pick(HispanicLastNames()));
}
std::span<const Nickname> Nicknames() { return kNicknames; }
std::span<const std::string_view> OfficeJobTitles() { return kOfficeJobTitles; }
std::span<const std::string_view> FieldLeadJobTitles() { return kFieldLeadJobTitles; }
std::span<const std::string_view> CrewJobTitles() { return kCrewJobTitles; }
std::span<const std::string_view> ClassificationNames() { return kClassificationNames; }
std::span<const Firm> Firms() { return kFirms; }
std::span<const std::string_view> PersonalMailDomains() { return kPersonalMailDomains; }
std::span<const std::string_view> AreaCodes() { return kAreaCodes; }
std::span<const City> Cities() { return kCities; }
std::span<const std::string_view> StreetNames() { return kStreetNames; }
std::span<const std::string_view> StreetSuffixes() { return kStreetSuffixes; }
std::span<const std::string_view> ProjectPlaces() { return kProjectPlaces; }
std::span<const std::string_view> ProjectKinds() { return kProjectKinds; }

std::string AsciiFold(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            out.push_back(text[i++]);
            continue;
        }
        bool folded = false;
        for (const Fold& f : kFolds) {
            if (text.substr(i).starts_with(f.from)) {
                out.push_back(f.to);
                i += f.from.size();
                folded = true;
                break;
            }
        }
        if (!folded) out.push_back(text[i++]);
    }
    return out;
}

bool HasAccent(std::string_view text) {
    for (char c : text) {
        if (static_cast<unsigned char>(c) >= 0x80) return true;
    }
    return false;
}

}  // namespace crewsync::synth::internal
