/** One fictional news sentence or two per script, for the encoding tests (Veldmark and its people are invented). */
export const SAMPLES: Record<string, string> = {
  latin: 'Les habitants de Veldmark ont voté mardi pour fermer l’ancienne jetée du port. « Nous ne pouvions plus attendre », a déclaré Oskar Lindqvist, président du conseil, après le vote. Les pêcheurs disent qu’ils n’ont pas été consultés; les travaux dureront quatre mois et coûteront deux millions de couronnes.',
  central: 'Obyvatelé Veldmarku v úterý odhlasovali uzavření starého přístavního mola. „Nemohli jsme déle čekat,“ řekl předseda rady Oskar Lindqvist. Rybáři říkají, že s nimi nikdo nemluvil; oprava potrvá čtyři měsíce a bude stát dva miliony korun.',
  cyrillic: 'Жители Вельдмарка во вторник проголосовали за закрытие старого причала. «Мы не могли больше ждать», — сказал председатель совета Оскар Линдквист. Рыбаки говорят, что с ними никто не советовался; ремонт продлится четыре месяца и обойдётся в два миллиона крон.',
  greek: 'Οι κάτοικοι του Βέλντμαρκ ψήφισαν την Τρίτη να κλείσει η παλιά προβλήτα του λιμανιού. «Δεν μπορούσαμε να περιμένουμε άλλο», δήλωσε ο πρόεδρος του συμβουλίου Όσκαρ Λίντκβιστ. Οι ψαράδες λένε ότι δεν ρωτήθηκαν· οι εργασίες θα διαρκέσουν τέσσερις μήνες.',
  arabic: 'صوّت مجلس ميناء فيلدمارك يوم الثلاثاء على إغلاق الرصيف القديم للعبّارات. وقال رئيس المجلس أوسكار ليندكفيست: «لم يعد بإمكاننا الانتظار». ويقول الصيادون إنهم لم يُستشاروا، وستستغرق الإصلاحات أربعة أشهر.',
  hebrew: 'מועצת הנמל של ולדמרק הצביעה ביום שלישי על סגירת המזח הישן. "לא יכולנו לחכות עוד", אמר יושב ראש המועצה אוסקר לינדקוויסט. הדייגים אומרים שלא התייעצו איתם, והתיקונים יימשכו ארבעה חודשים.',
  turkish: 'Veldmark liman meclisi salı günü eski iskeleyi kapatma kararı aldı. Meclis başkanı Oskar Lindqvist, “Daha fazla bekleyemezdik” dedi. Balıkçılar kendilerine danışılmadığını söylüyor; onarım dört ay sürecek ve iki milyon krona mal olacak.',
  japanese: 'ヴェルドマルクの港湾評議会は火曜日、古いフェリー桟橋の閉鎖を決めた。評議会議長のオスカー・リンドクヴィスト氏は「これ以上待てなかった」と述べた。漁業者は相談を受けていないと話している。修理には四か月かかる見込みだ。',
  chinese: '韦尔德马克港务委员会周二投票决定关闭旧渡轮码头。委员会主席奥斯卡·林德奎斯特说：“我们不能再等了。”渔民们说他们没有被征求意见，维修预计需要四个月，耗资约两百万克朗。',
  korean: '벨드마르크 항만 위원회는 화요일 낡은 여객선 부두를 폐쇄하기로 의결했다. 위원장 오스카 린드크비스트는 "더 이상 기다릴 수 없었다"고 말했다. 어민들은 의견을 묻지 않았다고 말한다. 수리는 넉 달이 걸릴 예정이다.',
};

/**
 * The legacy encodings the README lists, each with a sample in its script:
 * the tests prove each is decoded when declared and when only detected.
 */
export const LEGACY_ENCODINGS: ReadonlyArray<readonly [encoding: string, sample: string]> = [
  ['windows-1252', 'latin'], ['iso-8859-1', 'latin'], ['iso-8859-15', 'latin'], ['windows-1250', 'central'], ['iso-8859-2', 'central'],
  ['windows-1251', 'cyrillic'], ['koi8-r', 'cyrillic'], ['iso-8859-5', 'cyrillic'], ['windows-1253', 'greek'], ['iso-8859-7', 'greek'],
  ['windows-1254', 'turkish'], ['iso-8859-9', 'turkish'], ['windows-1255', 'hebrew'], ['iso-8859-8', 'hebrew'], ['windows-1256', 'arabic'],
  ['iso-8859-6', 'arabic'], ['shift_jis', 'japanese'], ['euc-jp', 'japanese'], ['gbk', 'chinese'], ['gb18030', 'chinese'], ['euc-kr', 'korean'],
];
