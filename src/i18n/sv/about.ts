/** Swedish messages for the Om Kommunkompassen and Öppna data pages, page descriptions. */
export const about = {
  /** The description of each page (meta description, og:description): app/seo.ts. */
  seo: {
    default: "Kommunkompassen utvärderar hur Sveriges kommuner leds och styrs, i åtta områden med 100 poäng vardera.",
    imageAlt: "Kommunkompassen – utvärderingar av hur kommuner leds och styrs",
    home: "Publicerade utvärderingar av hur kommuner leds och styrs: de senaste resultaten, de högsta poängen och goda exempel från Kommunkompassen.",
    results: "Alla publicerade resultat i Kommunkompassen, senaste först, med totalpoäng och poäng per område för varje utvärderad kommun.",
    rankings: "Kommunerna rangordnade efter totalpoäng inom en version av Kommunkompassen, med filter för län, kommungrupp och år.",
    rankingsOf:
      "Kommunerna rangordnade efter totalpoäng, {{instrument}}: varje kommuns senaste resultat, med filter för län, kommungrupp och år.",
    municipalities: "Sveriges 290 kommuner med län och kommungrupp, och hur många gånger var och en har utvärderats med Kommunkompassen.",
    municipality:
      "{{name}} i Kommunkompassen: alla publicerade resultat över tid ({{count}} st), poäng per område och källan till varje resultat.",
    evaluation:
      "Utvärderingen av {{name}} {{year}} ({{instrument}}): totalpoäng, poäng per område, jämförelse med andra kommuner och källa.",
    report: "Analysrapporten för {{name}} {{year}}: sammanfattning, poäng och text per område, styrkor och förbättringsmöjligheter.",
    compare: "Jämför två till sex kommuners resultat i Kommunkompassen sida vid sida, område för område och i totalpoäng.",
    trend: "Hur kommunernas resultat i Kommunkompassen har utvecklats över tid, inom varje version av instrumentet.",
    search: "Sök i de publicerade utvärderingarnas texter: styrkor, förbättringsmöjligheter och goda exempel från andra kommuner.",
    about:
      "Vad Kommunkompassen är, hur en utvärdering går till, instrumentets versioner och områden, hur poängen räknas och var siffrorna kommer ifrån.",
    openData:
      "Kommunkompassens öppna data: resultat, rankning och kommuner som JSON, CSV och Excel genom ett öppet API, under licensen CC BY 4.0.",
    signIn: "Inloggning för utvärderare, kommunernas kontaktpersoner och administratörer i Kommunkompassen.",
  },
  page: {
    title: "Om Kommunkompassen",
    lead: "Kommunkompassen är ett verktyg för att utvärdera hur en kommun leds och styrs. Den mäter inte hur bra skolan eller omsorgen är, utan hur kommunen arbetar: hur politiker och förvaltning styr och följer upp, informerar och bemöter invånarna och utvecklar verksamheten.",
    contents: "Innehåll",
    what: {
      title: "Vad Kommunkompassen är",
      origin:
        "Verktyget togs fram i Norge i mitten av 1990-talet, av Oslo universitet tillsammans med Åbo Akademi och de norska kommunernas organisation KS, utifrån kriterierna för Bertelsmannstiftelsens pris till den bäst skötta kommunen. Sveriges Kommuner och Regioner (SKR, tidigare SKL) har använt det sedan 2002, och det används också i Norge och Danmark.",
      scope:
        "En utvärdering ser på samspelet mellan det politiska systemet, kommunens tjänster till invånarna, kommunen som arbetsplats och utvecklingen av lokalsamhället. Resultatet är både poäng och en beskrivning i ord av vad kommunen gör bra och vad den kan förbättra.",
      use: "Kommunerna använder utvärderingen i sitt förbättringsarbete. Många låter utvärdera sig igen efter två till fyra år för att se om förbättringarna har gett resultat.",
    },
    how: {
      title: "Vem som utvärderar och hur",
      intro: "En utvärdering görs oftast av två utvärderare, en från SKR och en från en annan kommun, ibland av tre. Den går till så här:",
      documents: "Kommunen besvarar ett omfattande frågeunderlag och skickar sina styrdokument, planer och uppföljningar.",
      reading: "Utvärderarna läser dokumenten och går igenom kommunens webbplats, intranät och sociala medier.",
      interviews:
        "Under ett besök på ungefär två dagar intervjuar de 25–40 personer i grupper: politiker, ledande tjänstemän, fackliga företrädare och ibland anställda i kommunens bolag.",
      agreement: "Utvärderarna sätter poäng och enas om en gemensam bedömning av varje delområde innan rapporten skrivs.",
      report:
        "Resultatet blir en rapport med poäng och text för varje område, kommunens styrkor och förbättringsmöjligheter och hänvisningar till kommuner som är goda exempel. Rapporten kommer oftast sex till åtta veckor efter besöket och presenteras också muntligt.",
    },
    versions: {
      title: "Instrumentets versioner",
      intro:
        "Instrumentet revideras ibland, så varje utvärdering hör till en version av det. Här är versionerna med sina områden, som de är inlagda i Kommunkompassen.",
      size: "{{areas}} områden, högst {{max}} poäng.",
      results_one: "{{count}} publicerat resultat här ({{years}}).",
      results_other: "{{count}} publicerade resultat här ({{years}}).",
      noResults: "Inga publicerade resultat här ännu.",
      areasLabel: "Områden i {{name}}",
      subareas_one: "{{count}} delområde",
      subareas_other: "{{count}} delområden",
      role: "roll",
    },
    points: {
      title: "Så fungerar poängen",
      areas: "Varje område ger högst {{perArea}} poäng, och de {{count}} områdena tillsammans högst {{total}}.",
      subareas:
        "Ett område består av delområden med egna maxpoäng, som tillsammans blir områdets {{perArea}}. I varje delområde bedöms flera frågor, och poängen räknas ihop från frågorna och uppåt.",
      rounding:
        "Poängen redovisas i hela tal men räknas med decimaler. Ett områdes poäng är summan av delområdenas oavrundade poäng, avrundad, och totalen räknas på samma sätt. Därför är en publicerad total inte alltid summan av de avrundade områdespoängen.",
      published:
        "Kommunkompassen visar siffrorna som de publicerades. När bara delområdenas eller områdenas poäng finns räknas områdespoäng och total fram ur dem; sådana värden är kursiva och märkta som beräknade. Stämmer en publicerad siffra inte med den beräknade visas båda, och den publicerade gäller.",
    },
    comparing: {
      title: "Varför versionerna inte jämförs område för område",
      example:
        "Mellan versionerna har områden bytt namn och innehåll. Område {{number}} heter till exempel ”{{first}}” i {{firstVersion}} men ”{{last}}” i {{lastVersion}}. Poängen för ett områdesnummer mäter alltså inte samma sak i olika versioner.",
      general:
        "Mellan versionerna har områden bytt namn och innehåll, så poängen för ett områdesnummer mäter inte samma sak i olika versioner.",
      totals:
        "Även totalpoängen är bara säkert jämförbara inom en version. Rankningen räknar därför inom en version i taget, och när en kommuns tidigare resultat kommer från en annan version visas ingen förändring i poäng. Jämförelser mellan versioner går att göra men märks tydligt.",
    },
    sources: {
      title: "Var siffrorna kommer ifrån",
      count_one: "Här finns {{count}} publicerat resultat från {{municipalities}} kommuner, {{years}}.",
      count_other: "Här finns {{count}} publicerade resultat från {{municipalities}} kommuner, {{years}}.",
      levels: "Av dem har {{subarea}} poäng per delområde, {{area}} poäng per område och {{total}} bara en totalpoäng.",
      each: "Varje resultat anger sin källa, till exempel kommunens webbplats, ett pressmeddelande eller en analysrapport. Källan står vid resultatet på kommunens sida och i de öppna data.",
      demo: "Den här installationen visar en demo. Örebros utvärdering 2012 är demons fullständiga exempel, med poäng per delområde och rapporttext ur SKL:s analys av Örebro kommun 2012; Örebros resultat 2010 kommer från samma rapports tabell 1 och resultatet 2015 från kommunens pressmeddelande. De andra resultaten är verkliga, publicerade resultat med källa. Arbetsytans utvärdering av Övningsköping 2026 är ett övningsfall för att prova arbetsgången: Övningsköping är en påhittad kommun, och dess poäng, texter och självvärderingens svar är skrivna för demon. Ett övningsfall kan inte publiceras och syns aldrig bland resultaten. Likaså är handlingsplanen som Örebros kontaktperson ser för 2012 ett övningsexempel, inte Örebros plan, och den är inte publicerad.",
      none: "Inga resultat är publicerade ännu.",
      listTitle: "Kommuner med publicerade resultat",
    },
    further: {
      title: "Mer att utforska",
      rankings: "Rankning efter totalpoäng inom varje version",
      trend: "Utvecklingen över tid",
      compare: "Jämför kommuner sida vid sida",
      search: "Sök bland styrkor, förbättringsmöjligheter och goda exempel",
      openData: "Öppna data: alla siffror som JSON, CSV och Excel",
    },
  },
  openData: {
    title: "Öppna data",
    lead: "Allt som visas på Kommunkompassens sidor finns också som öppna data: resultat, rankning, kommuner och instrumentets versioner. Du behöver varken konto eller nyckel.",
    licenceTitle: "Licens",
    licence: "Uppgifterna får användas fritt, också kommersiellt, under licensen {{licence}}. Ange källan: {{attribution}}.",
    licenceLink: "Licenstexten för {{licence}} (Creative Commons)",
    apiTitle: "API:et",
    api: "Alla adresser börjar med {{base}}. API:et tar bara emot GET-anrop och svarar med JSON om inget annat begärs. Varje fält och parameter beskrivs i OpenAPI-dokumentet.",
    openapi: "OpenAPI-beskrivningen av API:et (JSON)",
    resourcesTitle: "Resurser",
    resourcesIntro: "Resurserna som API:et har, med exempel som går att öppna direkt:",
    formatsLabel: "Format",
    parametersLabel: "Parametrar",
    exampleLabel: "Exempel",
    noParameters: "inga",
    required: "{{name}} (krävs)",
    formatsTitle: "Format",
    json: "JSON är standard.",
    csv: "Tabeller finns också som CSV: lägg till .csv efter sökvägen eller skicka Accept: text/csv. Filen är kommaseparerad och kodad i UTF-8.",
    xlsx: "Tabeller finns också som Excel: lägg till .xlsx efter sökvägen.",
    pages: "Varje tabell på de publika sidorna länkar till sin CSV-, Excel- och JSON-form med sidans filter.",
    errors:
      "Fel svarar med en problembeskrivning (RFC 9457) som namnger varje felaktig parameter. En parameter som resursen inte har avvisas, så att ett stavfel inte tyst ignoreras.",
    examplesTitle: "Exempel",
    curlTitle: "Med curl",
    excelTitle: "I Excel",
    excel:
      "Välj Data › Hämta data › Från webben, klistra in adressen nedan och välj Läs in. Excel hämtar tabellen och kan uppdatera den senare med Uppdatera alla.",
    rTitle: "I R",
    pythonTitle: "I Python",
    codeLabel: "Exempel: {{title}}",
    limitsTitle: "Begränsningar",
    limits:
      "Varje adress får göra högst {{count}} anrop per minut till API:et. Den som når gränsen får svaret 429 med Retry-After, som säger hur många sekunder det dröjer innan nästa anrop tas emot.",
    catalogTitle: "Metadata för dataportalen",
    catalog:
      "Datamängderna beskrivs enligt DCAT-AP-SE, så att Sveriges dataportal (dataportal.se) kan hämta beskrivningen. Katalogen är JSON-LD, och RDF/XML för den som ber om det med Accept: application/rdf+xml.",
    catalogLink: "Katalogen i DCAT-AP-SE (JSON-LD)",
    resources: {
      listInstruments: "Instrumentets versioner",
      getInstrument: "En version med områden, delområden och frågor",
      listMunicipalities: "Sveriges kommuner med län och kommungrupper",
      listMunicipalityResults: "En kommuns resultat, äldst först",
      listResults: "Resultat, filtrerade på version, år eller kommungrupp",
      getRankings: "Kommunerna rangordnade efter totalpoäng inom en version",
      getAverages: "Genomsnittlig poäng per område för de senast utvärderade kommunerna",
      compare: "Två till sex kommuner sida vid sida",
      search: "Sökning i de publicerade utvärderingarnas texter",
    },
  },
  /** The DCAT-AP-SE catalogue (src/api/dcat.server.ts): each text in both languages. */
  catalog: {
    title: "Kommunkompassens öppna data",
    description:
      "Publicerade resultat från Kommunkompassen, SKR:s verktyg för att utvärdera hur kommuner leds och styrs: resultat per kommun och år, rankning, kommuner och instrumentets versioner.",
    keywords: "kommuner, styrning, ledning, utvärdering, kvalitet, Kommunkompassen",
    distribution: "{{dataset}} ({{format}})",
    distributionOfVersion: "{{dataset}}, {{version}} ({{format}})",
    datasets: {
      resultat: {
        title: "Resultat i Kommunkompassen",
        description:
          "Varje publicerat resultat: kommun, år, instrumentversion, totalpoäng och poäng per område som de publicerades (eller beräknade och märkta som beräknade), med källa.",
      },
      rankning: {
        title: "Rankning i Kommunkompassen",
        description:
          "Kommunernas senaste resultat rangordnade efter totalpoäng, en rankning per version av instrumentet, med förändring sedan förra resultatet.",
      },
      kommuner: {
        title: "Kommuner med län och kommungrupp",
        description: "Sveriges 290 kommuner med kommunkod, län och kommungrupp enligt SKL:s indelning 2011.",
      },
      instrument: {
        title: "Kommunkompassens instrumentversioner",
        description: "Instrumentets versioner med områden, delområden, frågor och maxpoäng.",
      },
    },
    service: {
      title: "Kommunkompassens API för öppna data",
      description: "Ett öppet API som svarar med JSON, och med tabeller också som CSV och Excel. Beskrivs i OpenAPI 3.1.",
    },
  },
};
