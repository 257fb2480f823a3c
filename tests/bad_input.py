"""The bad-input catalogue: what participants can type, applied to every exercise."""

BAD_TEXTS = {
    "tom": "",
    "kun mellemrum": "   \t  ",
    "20000 tegn": ("Lang refleksion om læringskultur. " * 600)[:20_000],
    "dansk og emoji": "Æbler, øl og ål – 🙂👩🏽‍💼 ÆØÅ",
    "højre-mod-venstre": "مرحبا بالعالم \u202eTXET\u202c שלום",
    "html": "<b>fed</b> <img src=x onerror=alert(1)> <a href='javascript:alert(2)'>klik</a>",
    "script": "<script>alert('hej')</script>",
    "markdown": "# Overskrift\n**fed** _kursiv_ [link](http://x) `kode`\n- punkt\n1. nummer",
    "formel": "=1+1",
    "dollar og mathtext": "Pris pr. deltager $x^{2$",
    "mathtext": r"$\frac{1}{2}$ af $5 og \$ og $$ og 100$",
    "formel med @": "@SUM(A1:A9)",
    "kontroltegn": "før\x00\x07\x1b[31mrød\x7f efter\r\nny linje",
    "halv emoji": "halv \ud83d emoji",
    "stier og citater": "../../etc/passwd \\\\server\\del \"citat\" 'enkelt' `tilde` ~/x",
}

BAD_NAMES = [
    "../../etc/passwd",
    "a/b\\c",
    "..",
    'O\'Hara "Den Store"',
    "<script>x</script>",
    "Åse 🙂 Ørsted",
    "\u202eesÅ",
    "   Karen   ",
]
