package org.srvcc.report;

/** The report's HTML page around its body: styles, and the load check tools/browser-check.sh reads. */
final class HtmlPage {
    private HtmlPage() {}

    static String esc(String s) {
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    static String of(String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>SRVCC 5G to UTRAN: "
                + "verification report</title>\n"
                + "<style>body{font-family:Helvetica,Arial,sans-serif;max-width:1200px;margin:2em auto;padding:0 "
                + "1em;color:#222}"
                + "table{border-collapse:collapse;margin:1em 0;font-size:13px}td,th{border:1px solid "
                + "#bbb;padding:3px 6px;text-align:left;vertical-align:top}"
                + "th{background:#eef}.bad{color:#b00}pre{background:#f6f6f6;padding:8px;overflow:auto;font-size:12px}"
                + "img.fig{max-width:100%;border:1px solid #ddd;margin:6px 0}</style>\n"
                + "<script>window.reportErrors=[];"
                + "window.addEventListener('error',function(e){window.reportErrors.push(String(e.message||e));},true);"
                + "window.addEventListener('load',function(){var imgs=document.images,bad=0;for(var "
                + "i=0;i<imgs.length;i++){if(!imgs[i].complete||imgs[i].naturalWidth===0)bad++;}"
                + "document.body.setAttribute('data-images',String(imgs.length));"
                + "document.body.setAttribute('data-broken-images',String(bad));"
                + "document.body.setAttribute('data-errors',String(window.reportErrors.length));});</script>\n"
                + "</head><body>\n" + body + "</body></html>\n";
    }
}
