"""The protected word lists of the medical vocabulary: eponyms, care products, wards' short names,
drug names, biochemistry words and units (data; the tests on them and the acronyms are in
:mod:`medical_vocab`).

Hand-written because no offline package lists French eponyms and drug brand names together;
the lists cover the terms most frequent in French clinical and medico-social writing.
"""

from __future__ import annotations


def _words(text: str) -> list[str]:
    return text.split()


EPONYMS = _words(
    """
Parkinson Alzheimer Crohn Guillain Barré Guillain-Barré Babinski Glasgow Child Pugh Child-Pugh
Hodgkin Basedow Graves Lasègue Apgar Wells Killip NYHA Hashimoto Addison Cushing Raynaud Horton
Kawasaki Kaposi Wernicke Korsakoff Willis Sjögren Sjogren Gougerot Gougerot-Sjögren Waldenström
Wilson Marfan Down Turner Klinefelter Ehlers Danlos Ehlers-Danlos Fallot Bouveret Brugada Wolff
Parkinson-White Wolff-Parkinson-White Paget Dupuytren Osgood Schlatter Legg Perthes Calvé Charcot
Charcot-Marie-Tooth Tooth Huntington Creutzfeldt Jakob Creutzfeldt-Jakob Lyme Ménière Meniere Bell
Horner Claude Bernard-Horner Takayasu Behçet Behcet Still Whipple Hirschsprung Meckel Barrett
Mallory Weiss Mallory-Weiss Zollinger Ellison Budd Chiari Budd-Chiari Gilbert Dubin Johnson Rotor
Conn Sheehan Kahler Burkitt Ewing Wilms Pancoast Tobias Boerhaave Cruveilhier Baumgarten Virchow
Troisier Murphy McBurney Mac Burney Blumberg Rovsing Psoas Homans Trendelenburg Romberg Hoffmann
Lhermitte Kernig Brudzinski Brudzinsky Chvostek Trousseau Tinel Phalen Finkelstein Lachman Murray
McMurray Ortolani Barlow Silverman Holter Doppler Seldinger Swan Ganz Swan-Ganz Foley Redon Salem
Penrose Blakemore Sengstaken Levin Guedel Mini Mental MMSE Folstein Katz Lawton Braden Norton
Karnofsky Ranson Balthazar Forrest Rockall Blatchford Glasgow-Blatchford Fine Sokolow Lown Sokal
Gleason Breslow Clark Dukes Astler Coller TNM Ann Arbor Binet Rai Durie Salmon Bismuth Quénu Hinchey
Alvarado Hamilton Beck Cornell Zarit Hachinski Tinetti Berg Barthel Rankin Geneva Genève Padua
CHA2DS2-VASc HAS-BLED Framingham SCORE Friedewald Cockcroft Gault Cockcroft-Gault MDRD CKD-EPI
Schwartz Fisher Hunt Hess WFNS Spetzler Martin Spetzler-Martin Lund Browder Wallace Baux Tanner
Dubowitz Ballard Gesell Denver Brazelton Chadwick Hegar Mauriceau Bishop Leopold Pinard Lowe Boyle
Ashworth Tardieu Fugl-Meyer Beers Waterlow Fazekas ASIA Frankel Hoehn Yahr Lansky Kurtzke EDSS
Goldmann Snellen Monoyer Parinaud Schirmer Amsler Lancaster Hess-Lancaster Lauber Jaeger Ishihara
Greulich Pyle Whitehouse Risser Sauvegrain Tanner-Whitehouse Cushman CIWA Bayley Wechsler Conners
Mariotte Starling Frank Poiseuille Laplace Fick Bernoulli Henderson Hasselbalch Henderson-
Hasselbalch Kussmaul Cheyne Stokes Cheyne-Stokes Biot Adams Adams-Stokes Austin Flint Duroziez
Corrigan Musset Traube Osler Janeway Roth Argyll Robertson Marcus Gunn Hutchinson Koplik Nikolsky
Auspitz Koebner Darier Wickham Bowen Merkel Spitz Schönlein Henoch Schönlein-Henoch Wegener Churg
Strauss Churg-Strauss Goodpasture Alport Fanconi Bartter Gitelman Liddle Fabry Gaucher Pompe Niemann
Pick Tay Sachs Hurler Hunter Sanfilippo Duchenne Becker Steinert Friedreich Lou Gehrig Guyon
Volkmann Colles Pouteau Pouteau-Colles Monteggia Galeazzi Smith Barton Bennett Rolando Maisonneuve
Jones Lisfranc Chopart Salter Harris Salter-Harris Garden Pauwels Neer Gustilo Schatzker Weber Tossy
Rockwood Bankart Hill Hill-Sachs Baker Morton Haglund Sever Kienböck Kienbock Preiser Scheuermann
Pott Forestier Bechterew Reiter Fiessinger Leroy Waldenstrom Vaquez Biermer Minkowski Chauffard
Ogilvie Ormond Peyronie La Lapeyronie Bartholin Skene Douglas Pfannenstiel Kocher Lichtenstein
Shouldice Nissen Toupet Hartmann Billroth Roux Roux-en-Y Heller Dor Ivor Lewis Akiyama Mc Keown
Miles Milligan Morgan Ferguson Longo Bricker Bentall Ross David Yacoub Cabrol Fontan Glenn Blalock
Blalock-Taussig Rastelli Jatene Senning Mustard Norwood Ebstein Eisenmenger Lutembacher Kommerell
Leriche Buerger Sudeck Ledderhose Gilles Tourette Gilles-de-la-Tourette Rett Asperger Kanner
Angelman Prader Willi Prader-Willi Williams Beuren Pierre Robin Treacher Collins Apert Crouzon
Goldenhar DiGeorge Noonan Cornelia Lange Sotos Marchiafava Bignami Gayet Broca Brown Séquard Brown-
Séquard Arnold Dandy Walker Dandy-Walker Sturge Sturge-Weber Recklinghausen Bourneville Von Hippel
Lindau Willebrand Glanzmann Bernard Soulier Bernard-Soulier Kasabach Merritt Evans Fiessinger-Leroy-
Reiter Quincke Quick Coombs Widal Wright Ziehl Neelsen Ziehl-Neelsen Gram Giemsa Papanicolaou Pap
Schiller Lugol Mantoux Tzanck Kveim Schilling Guthrie Bence Bence-Jones Kleihauer Kleihauer-Betke
Betke Westergren Hamburger Ishihara Snellen Monoyer Parinaud Rinne Valsalva Heimlich Sellick Esmarch
Fowler Sims Léri Lewy Patrick Fabere Mennell Scheltens Fazekas Simpson NIHSS Jobe Schober Thomas
Ober Hawkins Yocum Patte Gerber
Moore Giordano Kenneth Kenneth-Jones Watson-Jones Hardinge Smith-Petersen Hueter Judet Letournel
Kocher-Langenbeck Langenbeck Pipkin Delbet Thurston Ogden Tillaux Cauchoix Ilizarov Küntscher
Kuntscher Kirschner Steinmann Ender Kapandji Herbert Zancolli Kessler Tsuge Verdan Kleinert Bunnell
Latarjet Bristow Insall Insall-Salvati Caton-Deschamps Dejour Outerbridge Lysholm Tegner Lemaire
Noyes Slocum Apley Thessaly Yergason Speed Constant Lequesne Womac Kellgren Kellgren-Lawrence
Ahlback Ahlbäck Steinbrocker Ficat Arlet Frykman Gartland Duparc Tscherne Magerl Frankel Cobb Risser
Meyerding Modic Pfirrmann Quervain Heberden Bouchard Gerdy Chassaignac Scarpa Morgagni Bochdalek
Treitz Oddi Vater Wirsung Santorini Glisson Couinaud Calot Retzius Hesselbach Spiegel Grynfeltt
Langer Auerbach Meissner Purkinje Schwann Ranvier Golgi Langerhans Kupffer Sertoli Leydig Bowman
Henle Malpighi Betz Sylvius Monro Magendie Luschka Galien Mingazzini Wassermann Finnegan Moro
Krukenberg Lowenstein Löwenstein Sabouraud Chapman Drigalski Quantiferon Einthoven Goldberger Bazett
Fridericia Romhilt Judkins Amplatz Allen Adson Durkan Froment Wartenberg Tenon Lauge-Hansen
Danis Danis-Weber Mallampati Cormack Lehane Cormack-Lehane Aldrete Ramsay Richmond Caprini Khorana
Goldman Sydenham Bouillaud Stanford DeBakey Rutherford Wagner Waterlow Bethesda Bosniak Fuhrman
Pearson Student Spearman Wilcoxon Mann-Whitney Whitney Kruskal Kruskal-Wallis McNemar Kolmogorov
Smirnov Kolmogorov-Smirnov Shapiro Shapiro-Wilk Wilk Bonferroni Tukey Kaplan Kaplan-Meier Meier Cox
Bland Altman Bland-Altman Youden Cohen Kappa Mantel Haenszel Mantel-Haenszel Gauss Bayes Cochran
Nottingham Scarff Scarff-Bloom-Richardson Elston Kaplan Kaplan-Meier Savary Savary-Miller Kudo
Metavir Knodell Ishak Fibrotest Bristol Wexner Lugano Pemberton Kehr Kerr Joel-Cohen Misgav-Ladach
Bakri B-Lynch Nugent Amsel Manning Halban Meigs Asherman Rokitansky Mayer-Rokitansky-Küster-Hauser
Stein-Leventhal Huber Lelli Brodie Silfverskiöld Silfverskiold Thompson Simmonds Mulder Hohmann
Trethowan Klein Lenke King Boston Chêneau Cheneau Milwaukee Pavlik Putti Ponseti Denis-Browne
Henoch-Schönlein Schonlein Henoch-Schonlein Kasai Ladd Nissen-Rossetti Fredet Ramstedt Fredet-Ramstedt
Sanders Texas Lachman-Noyes Trendelenburg-Duchenne Bragard Neri Schober Wells-Genève Glasgow-Liège
Spix Beckmann Humphrey Pigassou Rossano Octopus Scheie Wecker Hartmann-Shack Zeiss
Kikuchi Velthoven Van-Velthoven Weil Beery Beery-Buktenica Blake Jackson-Pratt Hemovac
"""
)
# Products named in care notes that no drug list holds: pain and dependency scales, contrast
# agents, dressings, mattresses and other devices, nutrition, the software that numbers files,
# sutures, haemostats and the makers of surgical and imaging equipment ("Vicryl 2/0", "colonne Olympus"),
# and the vaccines of the French schedule by brand or shorthand ("Bexsero + Nimenrix", "Priorix (ROR 1)").
PRODUCTS = _words(
    """
Hexa Hib HepB MenB MenC MenACWY
Bexsero Nimenrix Priorix Infanrix Hexyon Vaxelis Prevenar Rotarix RotaTeq Neisvac Menjugate Gardasil Cervarix
Boostrix Repevax Revaxis MMRvaxpro Varivax Havrix Engerix Twinrix Vaxigrip Influvac Efluelda Comirnaty Spikevax
Beyfortus Abrysvo Arexvy Synflorix Trumenba Tetravac Pentavac Avaxim Typhim Stamaril Ixiaro Qdenga Shingrix
Zostavax Vaxneuvance Pneumovax Menveo MenQuadfi HBVaxpro Imovax Verorab Dengvaxia Vivotif Nuvaxovid
Algoplus Doloplus ECPA EVA EVS Echelle Gadovist Dotarem Omniscan Prohance Multihance Clariscan
Elucirem Vueway Omnipaque Iomeron Xenetix Visipaque Optiray Ultravist Telebrix Lipiodol Sonovue
Urgoclean Urgotul Urgostart Urgosorb Urgocell Urgo Mepilex Mepitel Mepore Aquacel Allevyn Biatain
Ioban Hologic Sysmex
Vicryl Prolene Monocryl Ethilon Stratafix Mersilene Novosyn Safil Monosyn Polysorb V-Loc Surgicel Tachosil
Floseal Coloplast Hollister Convatec Stryker Olympus Storz Fujifilm Mindray Dräger Ethicon Arthrex Biomet
Algostéril Algosteril Comfeel Duoderm Tegaderm Opsite Cicaplaie Hydrocoll Askina Melgisorb Kaltostat
Jelonet Adaptic Cosmopor Mepiform Hydrotac Tielle Suprasorb Cutimed Sorbact Iodosorb Flammazine
Inadine Actisorb Askina Physiotulle Vaseline Coheban Biflex Velpeau Elastoplast Steri-Strip
Axtair Nimbus Alova Kinerg Alternating Tempur Cliniplot Invacare Hillrom Hill-Rom Ergo Sonde
Cosmetic Ensure Fortimel Clinutren Renutryl Fresubin Nutridrink Delical Cubitan Fortini Nutrison
Picc Port-a-cath Portacath Vygon Optiflow Airvo Freestyle Libre Dexcom Omnipod Medtronic Accu-Chek
Portalis Cassiopée Cassiopee Doctolib Ameli Mediboard DxCare Orbis Easily Crossway Netsoins Titan
Medisys Sillage Weda Hellodoc Axisanté Axisante Apicrypt Mailiz MSSanté MSSante ViaTrajectoire
Trajectoire Pronote Sisra MonSisra Osiris Cortexte Hopsis Pastel Cerner Orbis Agfa
Ag Ag+ Zn
Asalée Asalee Prado Paerpa Icope Mobiqual
Humanitude Snoezelen Gineste-Marescotti Makaton
Oncotype MammaPrint Prosigna EndoPredict FoundationOne Guardant360 Idylla Xpert GeneXpert QuantiFERON
T-SPOT Elecsys Alinity Cobas BinaxNOW FilmArray BioFire Panbio Vidas FibroTest FibroMètre
FibroMetre FibroScan Hemoccult Cologic
Nutricia Nestlé Fresenius Baxter Biotronik Abbott Assurity Microport Sorin Livanova Prenoxad Nyxoid
"""
)

# Specialties and wards named by their short form in hospital speech ("→ Gastro", "lit en Cardio").
WARD_SHORT_NAMES = _words(
    """
Gastro Cardio Pneumo Neuro Néphro Nephro Uro Hémato Hemato Onco Rhumato Endoc Endocrino Derma Dermato
Diabéto Diabeto Hépato Hepato Gynéco Gyneco Obstét Ophtalmo Stomato Pédia Pedia Pédopsy Pedopsy Gériatrie
Neurochir Cardiochir Ortho-traumato Traumato Réa Rea Soins-intensifs Chir Viscérale Visceral Psy Pédopsychiatrie
Addicto Infectio Immuno Allergo Neuropédiatrie Radiothérapie Radiothe Médecine-interne
"""
)

DRUGS = _words(
    """
Tanganil Cosopt Xalatan Azopt Timoptol Lumigan Travatan Ganfort Combigan Alphagan Diamox Monoprost
Anakinra Kineret Lonsurf Nexplanon Purelan Lansinoh
Doliprane Dafalgan Efferalgan paracétamol paracetamol Kardégic Kardegic aspirine Aspégic Aspegic
Lovenox enoxaparine Innohep tinzaparine Fragmine daltéparine héparine Calciparine Arixtra
fondaparinux Xarelto rivaroxaban Eliquis apixaban Pradaxa dabigatran Lixiana édoxaban Previscan
fluindione Coumadine warfarine Sintrom acénocoumarol Plavix clopidogrel Efient prasugrel Brilique
ticagrelor Tahor atorvastatine Crestor rosuvastatine Zocor simvastatine Elisor pravastatine Ezetrol
ézétimibe Lasilix furosémide Burinex bumétanide Aldactone spironolactone Esidrex hydrochlorothiazide
Fludex indapamide Amlor amlodipine Loxen nicardipine Adalate nifédipine Tildiem diltiazem Isoptine
vérapamil Cordarone amiodarone Flécaïne flécaïnide Digoxine Sectral acébutolol Ténormine aténolol
Detensiel bisoprolol Cardensiel Avlocardyl propranolol Lopressor métoprolol Seloken nébivolol
Temerit Coversyl périndopril Triatec ramipril Renitec énalapril Lopril captopril Cozaar losartan
Aprovel irbésartan Tareg valsartan Atacand candésartan Micardis telmisartan Olmetec olmésartan
Entresto sacubitril Eupressyl urapidil Catapressan clonidine Trinitrine Natispray Risordan
isosorbide Corvasal molsidomine Procoralan ivabradine Ranexa ranolazine Glucophage metformine Stagid
Diamicron gliclazide Amarel glimépiride Daonil glibenclamide Novonorm répaglinide Januvia
sitagliptine Galvus vildagliptine Janumet Trulicity dulaglutide Ozempic sémaglutide Victoza
liraglutide Forxiga dapagliflozine Jardiance empagliflozine Lantus Abasaglar Toujeo glargine Levemir
détémir Tresiba dégludec Novorapid Humalog Apidra Actrapid Umuline Insulatard Mixtard insuline
Levothyrox lévothyroxine L-Thyroxine Euthyral Néomercazole Neomercazole thiamazole Propylex
Cortancyl prednisone Solupred prednisolone Médrol Medrol méthylprednisolone Solumédrol Solumedrol
hydrocortisone dexaméthasone Célestène bétaméthasone Inexium ésoméprazole Mopral oméprazole Lanzor
lansoprazole Ogast Eupantol pantoprazole Inipomp Pariet rabéprazole Gaviscon Smecta Spasfon
phloroglucinol Débridat Vogalène Motilium dompéridone Primpéran Primperan métoclopramide Zophren
ondansétron Forlax macrogol Movicol Duphalac lactulose Normacol Microlax Imodium lopéramide Tiorfan
racécadotril Ultra-Levure Créon Creon Pentasa mésalazine Imurel azathioprine Méthotrexate
méthotrexate Metoject Humira adalimumab Remicade infliximab Stelara Entyvio Tramadol tramadol
Topalgic Contramal Ixprim Zaldiar Lamaline Codoliprane codéine Dicodin Skenan Actiskenan morphine
Moscontin Oramorph Oxycontin Oxynorm oxycodone Durogesic fentanyl Abstral Instanyl Sufenta
sufentanil Nalbuphine nalbuphine Acupan néfopam Profénid Profenid kétoprofène Advil Nurofen
ibuprofène Antadys Voltarène Voltarene diclofénac Naprosyne naproxène Celebrex célécoxib Bi-Profénid
Apranax Nifluril Ketum Biprofenid Kétoprofène Perfalgan Xylocaïne Xylocaine lidocaïne Emla Naropeine
ropivacaïne Marcaïne bupivacaïne Propofol propofol Diprivan Hypnovel midazolam Kétamine Ketalar
kétamine Célocurine Esmeron Nimbex Narcan naloxone Anexate flumazénil Atropine atropine Adrénaline
adrénaline Noradrénaline noradrénaline Dobutamine dobutamine Dopamine dopamine Ephédrine éphédrine
Néosynéphrine Augmentin Amox Amoxi amoxicilline Clamoxyl Orbenine Bristopen oxacilline Tazocilline
pipéracilline Rocéphine Rocephine ceftriaxone Claforan céfotaxime Fortum ceftazidime Axepim céfépime
Orelox Oroken céfixime Zinnat céfuroxime Tienam imipénem Meronem méropénem Invanz ertapénem
Vancomycine vancomycine Targocid teicoplanine Zyvoxid linézolide Cubicin daptomycine Gentalline
gentamicine Amiklin amikacine Ciflox ciprofloxacine Oflocet ofloxacine Tavanic lévofloxacine Izilox
moxifloxacine Bactrim cotrimoxazole Flagyl métronidazole Dalacine clindamycine Pyostacine
pristinamycine Zithromax azithromycine Rulid roxithromycine Zeclar clarithromycine Erythrocine
Vibramycine doxycycline Tolexine Rifadine rifampicine Myambutol Rimifon isoniazide Pirilène
Furadantine nitrofurantoïne Monuril fosfomycine Selexid pivmécillinam Fungizone Triflucan
fluconazole Vfend voriconazole Cancidas caspofungine Ambisome Zovirax aciclovir Valtrex valaciclovir
Tamiflu oseltamivir Paxlovid Veklury Biktarvy Truvada Genvoya Triumeq Stribild Deroxat paroxétine
Seroplex escitalopram Séropram citalopram Prozac fluoxétine Zoloft sertraline Effexor venlafaxine
Cymbalta duloxétine Norset mirtazapine Athymil miansérine Laroxyl amitriptyline Anafranil
clomipramine Brintellix vortioxétine Valdoxan Xanax alprazolam Lexomil bromazépam Témesta Temesta
lorazépam Seresta oxazépam Valium diazépam Tranxene clorazépate Rivotril clonazépam Urbanyl clobazam
Atarax hydroxyzine Stilnox zolpidem Imovane zopiclone Noctamide Havlane Théralène Theralene
Mélatonine mélatonine Circadin Haldol halopéridol Loxapac loxapine Tercian cyamémazine Nozinan
lévomépromazine Largactil chlorpromazine Risperdal rispéridone Zyprexa olanzapine Xeroquel Seroquel
quétiapine Abilify aripiprazole Solian amisulpride Leponex clozapine Dipipéron pipampérone Téralithe
lithium Dépakine Depakine Dépakote valproate Tégrétol Tegretol carbamazépine Trileptal Lamictal
lamotrigine Keppra lévétiracétam Lyrica prégabaline Neurontin gabapentine Di-Hydan phénytoïne
Gardénal phénobarbital Vimpat lacosamide Epitomax topiramate Modopar Sinemet lévodopa Stalevo Requip
ropinirole Sifrol pramipexole Neupro Azilect Mantadix amantadine Aricept donépézil Ebixa mémantine
Exelon rivastigmine Reminyl galantamine Ventoline salbutamol Bricanyl terbutaline Atrovent
ipratropium Spiriva tiotropium Seretide Symbicort Foster Innovair Flixotide Pulmicort Bécotide
Singulair montélukast Aerius desloratadine Zyrtec cétirizine Xyzall Polaramine Célestamine Kestin
Telfast Clarityne Mucomyst acétylcystéine Fluimucil Bisolvon Toplexil Helicidine Oxygène oxygène
Kayexalate Resikali Calcidia Uvédose Uvedose Zymad cholécalciférol Dédrogyl Cacit Orocal Calcidose
Fosamax alendronate Actonel Aclasta zolédronate Prolia dénosumab Forsteo Tardyferon Fumafer
Ferinject Venofer Spéciafoldine Speciafoldine acide folique Vitamine B12 cyanocobalamine Bévitine
Benerva thiamine Diffu-K Kaleorid potassium Magné-B6 Mag2 magnésium Chlorure sodium Ringer Lactate
Ringer-Lactate Voluven Albumine Plasmion Gelofusine Glucosé Bicarbonate Nexium Zyloric allopurinol
Adenuric fébuxostat Colchicine colchicine Mabthera rituximab Herceptin trastuzumab Avastin
bévacizumab Keytruda pembrolizumab Opdivo nivolumab Glivec imatinib Tamoxifène tamoxifène Arimidex
anastrozole Fémara létrozole Aromasine Zoladex Decapeptyl Casodex bicalutamide Xtandi Zytiga Endoxan
cyclophosphamide Cisplatine Carboplatine Oxaliplatine Taxotère Taxol Gemzar Xeloda capécitabine
Zometa Xgeva Aredia pamidronate Bonefos clodronate Eligard leuproréline Erbitux cétuximab Imbruvica
ibrutinib Revlimid lénalidomide Velcade bortézomib Darzalex daratumumab Ibrance palbociclib Kisqali
ribociclib Verzenios abémaciclib Tagrisso osimertinib Lynparza olaparib Zarzio filgrastim Emend
aprépitant Kytril granisétron Alimta pémétrexed Campto irinotécan Eloxatine Temodal témozolomide
Tecentriq atézolizumab Imfinzi durvalumab Yervoy ipilimumab Enhertu Trodelvy Sutent sunitinib
Nexavar sorafénib Tarceva erlotinib Iressa géfitinib Tukysa Nerlynx Halaven éribuline Caelyx
Fluorouracile Navelbine Neulasta Granocyte Aranesp Eprex Néorecormon Mircera Ferrostrane Cialis
Viagra Xatral alfuzosine Omix tamsulosine Josir Avodart Chibro-Proscar Permixon Vesicare Ditropan
Ceris Betmiga Mictonorm Urispas Duspatalin Meteospasmyl Dexeryl Bepanthen Biafine Cicalfate Bétadine
Betadine Dakin Chlorhexidine Biseptine Hextril Eludril Fucidine Bactroban Diprosone Dermoval Locoid
Tridesonit Efudix Aldara Daivobet Hémoclar Ultraproct Titanoréine Cétavlon Stérilène Uvesterol
Adrigyl Toco Rocaltrol Un-Alfa alfacalcidol Ondansétron Paracétamol Fortimel Renutryl Clinutren
Fresubin Delical Nutridrink Ensure Protifar Cubitan Fortini Forticreme Resource Gélodiet Gelodiet
Calshake Scandishake Nutrison Peptamen Baclofène baclofène Liorésal Aotal Espéral Selincro Subutex
buprénorphine méthadone Méthadone Furosémide Bisoprolol Céfazoline céfazoline
"""
)

# Amino acids, nucleobases and nucleosides: biochemistry words, some also first names ("Sérine").
BIOCHEMISTRY = _words(
    """
alanine arginine asparagine aspartate cystéine cystine glutamine glutamate glycine histidine isoleucine
leucine lysine méthionine phénylalanine proline sérine thréonine tryptophane tyrosine valine ornithine
citrulline taurine sélénocystéine homocystéine adénine guanine cytosine thymine uracile adénosine
guanosine cytidine thymidine uridine inosine créatine carnitine
"""
)

UNITS = _words(
    """
mg g kg µg mcg ug ng mL ml dL dl L l UI U mmol µmol mol mEq mmHg cmH2O mm cm m km h min s sec j jour
jours semaine semaines mois an ans heure heures cp cps comprimé comprimés gél gélule gélules sachet
sachets amp ampoule ampoules gtt goutte gouttes bpm /min °C % SA kcal cal Gy mSv
"""
)
