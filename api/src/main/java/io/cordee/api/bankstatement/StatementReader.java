package io.cordee.api.bankstatement;

import io.cordee.core.bankstatement.BankStatement;
import io.cordee.core.common.ErrorCode;
import io.cordee.core.common.InvalidInput;
import io.cordee.core.imports.Cells;
import io.cordee.core.money.Money;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Reads a bank statement file (ADR 52): CAMT.053 (ISO 20022 XML, any {@code camt.053.001.xx}: elements are
 * found by local name) with the JDK's parser hardened — no DOCTYPE at all (so neither external entities nor
 * entity expansion such as "billion laughs" can happen), secure processing on, no external DTD or schema, no
 * XInclude; and OFX 1.x (SGML, leaf elements unclosed) and 2.x (XML) with a small tag scanner that refuses any
 * {@code <!DOCTYPE}/{@code <!ENTITY}. A file that cannot be read is an {@link InvalidInput} on {@code file}.
 */
public final class StatementReader {

    private static final DateTimeFormatter OFX_DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    private StatementReader() {
    }

    public static BankStatement read(byte[] bytes, String kind) {
        try {
            return switch (kind) {
                case "CAMT053" -> camt053(bytes);
                case "OFX" -> ofx(bytes);
                default -> throw new IllegalArgumentException("unknown statement kind " + kind);
            };
        } catch (InvalidInput e) {
            throw e;
        } catch (RuntimeException e) {
            throw invalid(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    static InvalidInput invalid(String why) {
        return InvalidInput.of("file", "is not a readable bank statement: " + why, ErrorCode.IMPORT_FILE_INVALID);
    }

    // ---------------------------------------------------------------- CAMT.053

    static DocumentBuilder hardenedBuilder() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        try {
            f.setAttribute("jdk.xml.entityExpansionLimit", "64");
        } catch (IllegalArgumentException e) {
            // an older parser without the JDK's limits: DOCTYPE is refused above anyway
        }
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        DocumentBuilder b = f.newDocumentBuilder();
        b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
                throw e;
            }
        });
        return b;
    }

    static BankStatement camt053(byte[] bytes) {
        Document doc;
        try {
            doc = hardenedBuilder().parse(new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            throw invalid("the XML cannot be read (" + e.getMessage() + "); DOCTYPE and entities are refused");
        }
        Element stmt = first(doc.getDocumentElement(), "Stmt");
        if (stmt == null || !"Document".equals(doc.getDocumentElement().getLocalName())) {
            throw invalid("no BkToCstmrStmt/Stmt element: is this a camt.053 file?");
        }
        Element acct = child(stmt, "Acct");
        String accountRef = acct == null ? null : text(first(acct, "IBAN"));
        if (accountRef == null && acct != null) {
            Element othr = first(acct, "Othr");
            accountRef = othr == null ? null : text(child(othr, "Id"));
        }
        Element closing = null;
        for (Element bal : children(stmt, "Bal")) {
            Element tp = child(bal, "Tp");
            Element cd = tp == null ? null : first(tp, "Cd");
            if (cd != null && "CLBD".equals(text(cd))) {
                closing = bal;
            }
        }
        if (closing == null) {
            throw invalid("no closing booked balance (Bal with Tp/CdOrPrtry/Cd = CLBD)");
        }
        Money balance = amount(child(closing, "Amt"), "closing balance");
        if ("DBIT".equals(text(child(closing, "CdtDbtInd")))) {
            balance = new Money(-balance.minorUnits(), balance.currency());
        }
        LocalDate balanceDate = camtDate(child(closing, "Dt"), "closing balance");
        List<BankStatement.Credit> credits = new ArrayList<>();
        int n = 0;
        for (Element ntry : children(stmt, "Ntry")) {
            n++;
            if (!"CRDT".equals(text(child(ntry, "CdtDbtInd")))) {
                continue;
            }
            Element sts = child(ntry, "Sts");
            String status = sts == null ? null : first(sts, "Cd") != null ? text(first(sts, "Cd")) : text(sts);
            if (status != null && !"BOOK".equals(status)) {
                continue; // pending or information-only entries are not money received yet
            }
            Money amount = amount(child(ntry, "Amt"), "entry " + n);
            if (!amount.currency().equals(balance.currency())) {
                throw invalid("entry " + n + " is in " + amount.currency() + ", the balance in " + balance.currency());
            }
            LocalDate booked = camtDate(child(ntry, "BookgDt"), "entry " + n);
            List<String> texts = new ArrayList<>();
            NodeList ustrd = ntry.getElementsByTagNameNS("*", "Ustrd");
            for (int i = 0; i < ustrd.getLength(); i++) {
                texts.add(ustrd.item(i).getTextContent().strip());
            }
            String remittance = String.join(" ", texts);
            Element dbtr = first(ntry, "Dbtr");
            String debtor = dbtr == null ? null : text(first(dbtr, "Nm"));
            String ref = text(child(ntry, "AcctSvcrRef"));
            if (ref == null) {
                ref = text(child(ntry, "NtryRef"));
            }
            credits.add(new BankStatement.Credit(key(ref, booked, amount, remittance), amount, booked, debtor,
                    remittance));
        }
        return new BankStatement("CAMT053", accountRef, balanceDate, balance, credits);
    }

    private static Money amount(Element amt, String where) {
        if (amt == null) {
            throw invalid(where + " has no Amt");
        }
        String ccy = amt.getAttribute("Ccy");
        Currency currency;
        try {
            currency = Currency.getInstance(ccy);
        } catch (IllegalArgumentException e) {
            throw invalid(where + " has no valid currency (Ccy='" + ccy + "')");
        }
        String value = amt.getTextContent().strip();
        if (value.contains(",")) {
            throw invalid(where + ": '" + value + "' is not an ISO 20022 amount (a point is the decimal separator)");
        }
        return money(value, currency, where);
    }

    private static Money money(String value, Currency currency, String where) {
        try {
            return new Money(Cells.amount(value, currency), currency);
        } catch (IllegalArgumentException e) {
            throw invalid(where + ": " + e.getMessage());
        }
    }

    private static LocalDate camtDate(Element holder, String where) {
        String value = holder == null ? null : text(child(holder, "Dt"));
        if (value == null && holder != null) {
            String dt = text(child(holder, "DtTm"));
            value = dt == null || dt.length() < 10 ? null : dt.substring(0, 10);
        }
        if (value == null) {
            throw invalid(where + " has no date");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(where + ": '" + value + "' is not a date");
        }
    }

    private static String key(String ref, LocalDate booked, Money amount, String text) {
        String key = ref != null ? "ref:" + ref
                : "day:" + booked + "|" + amount.minorUnits() + "|" + (text == null ? "" : text.strip());
        return key.length() > 300 ? key.substring(0, 300) : key;
    }

    private static Element child(Element parent, String name) {
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && name.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element first(Element parent, String name) {
        NodeList list = parent.getElementsByTagNameNS("*", name);
        return list.getLength() == 0 ? null : (Element) list.item(0);
    }

    private static String text(Element e) {
        if (e == null) {
            return null;
        }
        String t = e.getTextContent().strip();
        return t.isEmpty() ? null : t;
    }

    // ---------------------------------------------------------------- OFX

    private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z0-9.]+)>([^<]*)");

    static BankStatement ofx(byte[] bytes) {
        String content = decode(bytes);
        String upper = content.toUpperCase(Locale.ROOT);
        if (upper.contains("<!DOCTYPE") || upper.contains("<!ENTITY")) {
            throw invalid("a DOCTYPE or ENTITY declaration is refused");
        }
        int start = upper.indexOf("<OFX>");
        if (start < 0) {
            throw invalid("no <OFX> element: is this an OFX file?");
        }
        String body = content.substring(start).replaceAll("(?s)<!--.*?-->", "");
        Matcher m = TAG.matcher(body);
        Map<String, String> current = null;
        Map<String, String> ledger = null;
        String account = null;
        String currencyCode = null;
        List<Map<String, String>> transactions = new ArrayList<>();
        String block = null;
        while (m.find()) {
            boolean closing = !m.group(1).isEmpty();
            String tag = m.group(2).toUpperCase(Locale.ROOT);
            String value = unescape(m.group(3).strip());
            if (!closing && (tag.equals("STMTTRN") || tag.equals("LEDGERBAL"))) {
                block = tag;
                current = new HashMap<>();
                if (tag.equals("STMTTRN")) {
                    transactions.add(current);
                } else {
                    ledger = current;
                }
            } else if (closing && tag.equals(block)) {
                block = null;
                current = null;
            } else if (!closing && !value.isEmpty()) {
                if (current != null) {
                    current.put(tag, value);
                } else if (tag.equals("ACCTID") && account == null) {
                    account = value;
                } else if (tag.equals("CURDEF")) {
                    currencyCode = value;
                }
            }
        }
        if (currencyCode == null) {
            throw invalid("no CURDEF (the statement's currency)");
        }
        Currency currency;
        try {
            currency = Currency.getInstance(currencyCode);
        } catch (IllegalArgumentException e) {
            throw invalid("CURDEF '" + currencyCode + "' is not a currency");
        }
        if (ledger == null || ledger.get("BALAMT") == null || ledger.get("DTASOF") == null) {
            throw invalid("no LEDGERBAL with BALAMT and DTASOF (the closing booked balance)");
        }
        Money balance = money(ledger.get("BALAMT"), currency, "LEDGERBAL");
        LocalDate asOf = ofxDate(ledger.get("DTASOF"), "LEDGERBAL");
        List<BankStatement.Credit> credits = new ArrayList<>();
        int n = 0;
        for (Map<String, String> t : transactions) {
            n++;
            String where = "STMTTRN " + n;
            if (t.get("TRNAMT") == null || t.get("DTPOSTED") == null) {
                throw invalid(where + " has no TRNAMT or DTPOSTED");
            }
            Money amount = money(t.get("TRNAMT"), currency, where);
            String type = t.getOrDefault("TRNTYPE", "");
            if (amount.minorUnits() <= 0 || !(type.equals("CREDIT") || type.equals("DEP") || type.equals("DIRECTDEP")
                    || type.equals("XFER"))) {
                continue; // debits, fees and the like are not payments received
            }
            LocalDate posted = ofxDate(t.get("DTPOSTED"), where);
            String memo = t.get("MEMO");
            String name = t.get("NAME");
            String remittance = (name == null ? "" : name) + (memo == null ? "" : " " + memo);
            credits.add(new BankStatement.Credit(key(t.get("FITID"), posted, amount, remittance), amount, posted,
                    name, remittance.strip()));
        }
        return new BankStatement("OFX", account, asOf, balance, credits);
    }

    /** OFX 2 is UTF-8 XML; OFX 1 headers name CHARSET:1252 (or none, read as such when not valid UTF-8). */
    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&nbsp;", " ").replace("&amp;", "&");
    }

    private static LocalDate ofxDate(String value, String where) {
        if (value.length() < 8) {
            throw invalid(where + ": '" + value + "' is not an OFX date (YYYYMMDD…)");
        }
        try {
            return LocalDate.parse(value.substring(0, 8), OFX_DATE);
        } catch (DateTimeParseException e) {
            throw invalid(where + ": '" + value + "' is not a date");
        }
    }
}
