import { describe, expect, it } from "vitest";
import { normalizeAccountName, normalizeDomain } from "@/lib/accounts/normalize";

describe("normalizeAccountName", () => {
  it.each([
    // the same company, typed many ways
    ["The Acme Corp.", "acme"],
    ["ACME, Inc", "acme"],
    ["Acmé Corporation", "acme"],
    ["acme", "acme"],
    ["  Acme   Inc.  ", "acme"],
    ["Acme LLC", "acme"],
    ["Acme L.L.C.", "acme"],
    ["Acme Ltd", "acme"],
    ["Acme Limited", "acme"],
    ["Acme PLC", "acme"],
    ["Acme GmbH", "acme"],
    ["Acme AG", "acme"],
    ["Acme GmbH & Co. KG", "acme"],
    ["Acme S.A.", "acme"],
    ["Acme SA", "acme"],
    ["Acme S.A.S.", "acme"],
    ["Acme SAS", "acme"],
    ["Acme SARL", "acme"],
    ["Acme S.r.l.", "acme"],
    ["Acme SpA", "acme"],
    ["Acme S.p.A.", "acme"],
    ["Acme B.V.", "acme"],
    ["Acme BV", "acme"],
    ["Acme N.V.", "acme"],
    ["Acme Oy", "acme"],
    ["Acme Oyj", "acme"],
    ["Acme AB", "acme"],
    ["Acme AB (publ)", "acme"],
    ["Acme AS", "acme"],
    ["Acme A/S", "acme"],
    ["Acme ApS", "acme"],
    ["Acme Pty", "acme"],
    ["Acme Pty Ltd", "acme"],
    ["Acme Pty. Ltd.", "acme"],
    ["Acme Co.", "acme"],
    ["Acme Co., Ltd.", "acme"],
    ["Acme Company", "acme"],
    ["Acme K.K.", "acme"],
    ["Acme KK", "acme"],
    ["Acme Kabushiki Kaisha", "acme"],
    ["Acme Sp. z o.o.", "acme"],
    ["Acme sp. z o. o.", "acme"],
    ["Acme S.L.", "acme"],
    ["Acme Lda", "acme"],
    ["Acme Ltda.", "acme"],
    ["Acme LLP", "acme"],
    ["Acme L.P.", "acme"],
    ["Acme S.A. de C.V.", "acme"],
    ["Acme S. de R.L.", "acme"],
    ["Acme s.r.o.", "acme"],
    ["Acme Kft.", "acme"],
    ["Acme Sdn. Bhd.", "acme"],
    ["Acme Pte. Ltd.", "acme"],
    ["Acme Private Limited", "acme"],
    ["Acme Pvt. Ltd.", "acme"],
    ["Acme Ltée", "acme"],
    ["Acme SE", "acme"],
    ["ACME INCORPORATED", "acme"],
    ["the acme company", "acme"],
    // names that keep their distinguishing words
    ["Acme Holdings Pty Ltd", "acme holdings"],
    ["Acme Holdings", "acme holdings"],
    ["Acme Group Inc", "acme group"],
    ["Acme Cloud Systems, Inc.", "acme cloud systems"],
    // ampersand, apostrophes, punctuation
    ["Procter & Gamble Co.", "procter and gamble"],
    ["Procter and Gamble Company", "procter and gamble"],
    ["Smith & Co.", "smith"],
    ["Johnson & Johnson", "johnson and johnson"],
    ["AT&T Inc.", "at and t"],
    ["AT & T", "at and t"],
    ["McDonald's Corporation", "mcdonalds"],
    ["McDonald’s", "mcdonalds"],
    ["Coca-Cola Company", "coca cola"],
    ["Coca Cola", "coca cola"],
    ["Booking.com B.V.", "booking com"],
    ["I.B.M. Corp", "ibm"],
    ["IBM", "ibm"],
    ["J.P. Morgan", "jp morgan"],
    ["JP Morgan", "jp morgan"],
    ["3M Company", "3m"],
    // accents and letters NFKD does not decompose
    ["Société Générale S.A.", "societe generale"],
    ["Nestlé S.A.", "nestle"],
    ["Müller GmbH", "muller"],
    ["Straße AG", "strasse"],
    ["Ørsted A/S", "orsted"],
    ["Łódź Sp. z o.o.", "lodz"],
    ["Ålandsbanken Abp", "alandsbanken abp"],
    ["Þór ehf.", "thor"],
    ["ｆｕｌｌｗｉｄｔｈ Inc", "fullwidth"],
    // a leading "the" only when something follows; never strip a name to nothing
    ["The", "the"],
    ["The Company", "company"],
    ["Inc.", "inc"],
    ["AG", "ag"],
    ["Theta Inc", "theta"],
    ["Other Co", "other"],
    // suffix words inside a name are not suffixes
    ["Inc Studios", "inc studios"],
    ["Company of Heroes Ltd", "company of heroes"],
    ["Vitamin A", "vitamin a"],
    ["Texas Instruments", "texas instruments"],
    // nothing to normalize
    ["", ""],
    ["   ", ""],
    ["!!!", ""],
  ])("%j → %j", (input, expected) => {
    expect(normalizeAccountName(input)).toBe(expected);
  });

  it("is idempotent", () => {
    for (const name of ["The Acme Corp.", "Acme Holdings Pty Ltd", "Société Générale S.A.", "AT&T Inc."]) {
      const once = normalizeAccountName(name);
      expect(normalizeAccountName(once)).toBe(once);
    }
  });
});

describe("normalizeDomain", () => {
  it.each([
    ["acme.com", "acme.com"],
    ["Acme.COM", "acme.com"],
    ["www.acme.com", "acme.com"],
    ["WWW.Acme.com", "acme.com"],
    ["www2.acme.com", "acme.com"],
    ["https://www.Acme.com/about?x=1", "acme.com"],
    ["http://acme.com", "acme.com"],
    ["https://acme.com:8443/path#frag", "acme.com"],
    ["//acme.com/x", "acme.com"],
    ["ftp://files.acme.com", "files.acme.com"],
    ["https://user:secret@www.acme.com/", "acme.com"],
    ["bob@acme.com", "acme.com"],
    ["acme.com.", "acme.com"],
    ["https://acme.com./", "acme.com"],
    ["  acme.com  ", "acme.com"],
    ["acme.com/contact", "acme.com"],
    ["acme.com?ref=partner", "acme.com"],
    ["shop.acme.co.uk", "shop.acme.co.uk"],
    ["www.acme.co.uk", "acme.co.uk"],
    ["sub-domain.acme-corp.io", "sub-domain.acme-corp.io"],
    ["www.com", "www.com"],
    // internationalized names become punycode, so both spellings meet
    ["Bücher.de", "xn--bcher-kva.de"],
    ["https://www.bücher.de/", "xn--bcher-kva.de"],
    ["xn--bcher-kva.de", "xn--bcher-kva.de"],
    ["例え.jp", "xn--r8jz45g.jp"],
    // not domains
    ["", null],
    ["   ", null],
    ["acme", null],
    ["localhost", null],
    ["http://", null],
    ["not a domain", null],
    ["acme .com", null],
    ["192.168.0.1", null],
    ["http://10.0.0.1:8080/", null],
    ["[::1]", null],
    ["-acme.com", null],
    ["acme-.com", null],
    ["acme..com", null],
    ["acme.c0m1", null],
    [".com", null],
    ["https://exa_mple.com", null],
  ] as const)("%j → %j", (input, expected) => {
    expect(normalizeDomain(input)).toBe(expected);
  });

  it("treats null and undefined as no domain", () => {
    expect(normalizeDomain(null)).toBeNull();
    expect(normalizeDomain(undefined)).toBeNull();
  });
});
