// Material for MkDocs' inline script from partials/javascripts/base.html, moved to a file so that the
// Content-Security-Policy allows no inline script (tests/plugin/test_theme_scripts.py keeps it in step).
// The scope is the site's root, found from this file's own address (assets/javascripts/theme/).
__md_scope=new URL("../../..",document.currentScript.src),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
